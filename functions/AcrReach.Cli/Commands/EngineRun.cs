using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Cloud;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using System.Collections.Immutable;
using AcrReach.Core;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Scenarios;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// What <c>apply</c> and <c>sweep</c> share: the options that say which cloud and which policy, credentials from the
/// usual chain (the local cloud's own when <c>--endpoint</c> is loopback and the chain has none), the run itself with
/// progress on stderr, the report on stdout, and the exit code.
/// </summary>
internal sealed class EngineRun
{
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "Send every cloud API call to this URL (e.g. the local cloud, http://127.0.0.1:N)." };
    private readonly Option<string[]> _regions = new("--region") { Description = "A region to read (repeatable); default: every region holding a transit router or a registry." };
    private readonly Option<string> _output = new("--output") { Description = "text (progress on stderr, a summary on stdout) or json (the report, on stdout only).", DefaultValueFactory = _ => "text" };
    private readonly Option<string?> _policy = new("--policy") { Description = "A policy file: dataCenters, policy and ossVipRanges as in a scenario (a whole scenario is accepted too)." };
    private readonly Option<string> _queue = new("--queue") { Description = "The MNS queue the run's message goes to.", DefaultValueFactory = _ => ReconcilerOptions.DefaultQueue };
    private readonly Option<string?> _queueRegion = new("--queue-region") { Description = "The queue's region (default: the first region read)." };
    private readonly Option<bool> _privateZone = new("--private-zone") { Description = "Make the DNS records in PrivateZone (a zone per registry domain, bound to the source VPCs)." };
    private readonly Option<int?> _timeout = new("--timeout") { Description = "Stop the run after this many seconds: no new step starts, what was done is reported and the message still published (exit 2)." };

    public EngineRun(Command command)
    {
        _output.AcceptOnlyFromAmong("text", "json");
        foreach (var option in new Option[] { _endpoint, _regions, _output, _policy, _queue, _queueRegion, _privateZone, _timeout })
        {
            command.Options.Add(option);
        }
    }

    public Task<int> RunAsync(ParseResult parse, ReconcileMode mode, string trigger, CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(parse, async output =>
        {
            var error = TextWriter.Synchronized(parse.InvocationConfiguration.Error);
            var json = parse.GetValue(_output) == "json";
            var endpoint = Endpoint(parse.GetValue(_endpoint));
            var regions = (parse.GetValue(_regions) ?? []).Select(region => CloudIds.RequireRegion(region, "--region", "$")).ToImmutableArray();
            var queueRegion = parse.GetValue(_queueRegion) is { } given ? CloudIds.RequireRegion(given, "--queue-region", "$") : null;
            var queue = CloudIds.RequireName(parse.GetValue(_queue), "--queue", "$");
            var timeLimit = TimeLimit(parse.GetValue(_timeout));
            var policy = parse.GetValue(_policy) is { } file ? InputFiles.ReadPolicy(file) : PolicySettings.None;
            var credentials = await CredentialsAsync(endpoint, error, cancellationToken);
            if (credentials is null)
            {
                return ExitCodes.BadInput;
            }

            using var factory = new CloudClientFactory(new CloudOptions { Endpoint = endpoint, Credentials = credentials, Regions = regions });
            var engine = new ReachEngine(factory, Options(regions, policy, queue, queueRegion, parse.GetValue(_privateZone), json ? null : error));
            var report = await engine.ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, trigger, mode), new RunContext { TimeLimit = timeLimit }, cancellationToken);
            if (json)
            {
                await output.WriteLineAsync(ReportJson.Serialize(report));
            }
            else
            {
                ReportText.Write(report, output);
            }

            return ExitCode(report);
        });

    /// <summary>The reconciler's options for a command-line run; <paramref name="progress"/> null: silent (json output).</summary>
    public static ReconcilerOptions Options(ImmutableArray<string> regions, PolicySettings policy, string queue, string? queueRegion, bool privateZone, TextWriter? progress) => new()
    {
        Discovery = new DiscoveryOptions { Regions = regions, Policy = policy },
        Apply = new ApplierOptions { PrivateZone = privateZone, Progress = progress is null ? null : step => progress.WriteLine($"  {step.Outcome,-14} {step.Action.Describe()}{(step.Error is { } e ? $": {e.Code}: {e.Message}" : string.Empty)}") },
        Queue = queue,
        QueueRegion = queueRegion,
        Progress = progress is null ? null : progress.WriteLine,
    };

    /// <summary>
    /// 0 converged and verified; 2 drift, a failed step, an error finding, a path still broken, or a run that could not
    /// read or write; 3 only when the run itself converged and just its message could not be published.
    /// </summary>
    public static int ExitCode(ApplyReport report) =>
        !report.Outcome.IsConverged() ? ExitCodes.Findings
        : report.NotificationFailed ? ExitCodes.NotificationFailed
        : ExitCodes.Ok;

    /// <summary>How long a run with <c>--timeout</c> may take; null without one.</summary>
    private static TimeSpan? TimeLimit(int? seconds) => seconds switch
    {
        null => null,
        > 0 and <= 86400 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new InvalidInputException("--timeout", "$", $"{seconds} is not a number of seconds from 1 to 86400"),
    };

    private static Uri? Endpoint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidInputException("--endpoint", "$", $"'{value}' is not an absolute http(s) URL");
    }

    /// <summary>The usual chain; against a loopback endpoint with nothing in the chain, the local cloud's own key (said on stderr).</summary>
    private static async Task<ICredentialProvider?> CredentialsAsync(Uri? endpoint, TextWriter error, CancellationToken cancellationToken)
    {
        var chain = DefaultCredentialChain.ForCurrentUser();
        try
        {
            await chain.GetCredentialsAsync(cancellationToken);
            return chain;
        }
        catch (CredentialsNotFoundException e)
        {
            if (endpoint is { IsLoopback: true })
            {
                await error.WriteLineAsync($"no Alibaba Cloud credentials in the usual chain; using the local cloud's default key {LocalCloudOptions.DefaultAccessKeyId} for {endpoint}");
                return new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret), "local cloud default");
            }

            await error.WriteLineAsync(e.Message.ReplaceLineEndings(" "));
            return null;
        }
    }
}
