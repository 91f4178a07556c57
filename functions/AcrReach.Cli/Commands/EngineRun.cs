using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Cloud;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using System.Collections.Immutable;
using AcrReach.Core;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// What <c>apply</c> and <c>sweep</c> share: the options that say which cloud and which policy, credentials from the
/// usual chain (the local cloud's own when <c>--endpoint</c> is loopback and the chain has none), the run itself with
/// progress on stderr, the report on stdout, and the exit code.
/// </summary>
internal sealed class EngineRun
{
    private readonly CloudSelection _cloud;
    private readonly Option<string> _output = new("--output") { Description = "text (progress on stderr, a summary on stdout) or json (the report, on stdout only).", DefaultValueFactory = _ => "text" };
    private readonly Option<string> _queue = new("--queue") { Description = "The MNS queue the run's message goes to.", DefaultValueFactory = _ => ReconcilerOptions.DefaultQueue };
    private readonly Option<string?> _queueRegion = new("--queue-region") { Description = "The queue's region (default: the first region read)." };
    private readonly Option<bool> _privateZone = new("--private-zone") { Description = "Make the DNS records in PrivateZone (a zone per registry domain, bound to the source VPCs)." };
    private readonly Option<int?> _timeout = new("--timeout") { Description = "Stop the run after this many seconds: no new step starts, what was done is reported and the message still published (exit 2)." };
    private readonly Option<string?>? _planFile;
    private readonly Option<string?>? _planId;

    /// <param name="pinnable">Offer <c>--plan FILE</c> and <c>--plan-id ID</c> (apply): run only the plan a person reviewed.</param>
    public EngineRun(Command command, bool pinnable = false)
    {
        _cloud = new CloudSelection(command);
        _output.AcceptOnlyFromAmong("text", "json");
        foreach (var option in new Option[] { _output, _queue, _queueRegion, _privateZone, _timeout })
        {
            command.Options.Add(option);
        }

        if (pinnable)
        {
            _planFile = new Option<string?>("--plan") { Description = "Apply only this plan (acr-reach plan --output json wrote it): planning again must give its id, else nothing is written (exit 2) and the difference is shown." };
            _planId = new Option<string?>("--plan-id") { Description = "Apply only the plan with this id (as --plan, without the file: the plan now is shown instead of the difference)." };
            command.Options.Add(_planFile);
            command.Options.Add(_planId);
            command.Validators.Add(result =>
            {
                if (result.GetResult(_planFile) is not null && result.GetResult(_planId) is not null)
                {
                    result.AddError("give --plan FILE or --plan-id ID, not both");
                }
            });
        }
    }

    public Task<int> RunAsync(ParseResult parse, ReconcileMode mode, string trigger, CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(parse, async output =>
        {
            var error = TextWriter.Synchronized(parse.InvocationConfiguration.Error);
            var json = parse.GetValue(_output) == "json";
            var cloud = _cloud.Read(parse);
            var queueRegion = parse.GetValue(_queueRegion) is { } given ? CloudIds.RequireRegion(given, "--queue-region", "$") : null;
            var queue = CloudIds.RequireName(parse.GetValue(_queue), "--queue", "$");
            var timeLimit = TimeLimit(parse.GetValue(_timeout));
            var pinned = Pinned(parse);
            var credentials = await cloud.CredentialsAsync(error, cancellationToken);
            if (credentials is null)
            {
                return ExitCodes.BadInput;
            }

            using var factory = cloud.Factory(credentials);
            var engine = new ReachEngine(factory, Options(cloud.Regions, cloud.Policy, queue, queueRegion, parse.GetValue(_privateZone), json ? null : error));
            var request = new ReconcileRequest(WholeAccount.Instance, trigger, mode);
            var context = new RunContext { TimeLimit = timeLimit };
            ApplyReport report;
            if (pinned is not null)
            {
                var approved = await ReadAsync(() => engine.ApplyPlanAsync(pinned.PlanId, request, context, cancellationToken), "apply", error);
                if (approved is null)
                {
                    return ExitCodes.Findings;
                }

                if (!approved.Applied)
                {
                    await output.WriteAsync(json ? PinnedPlan.RefusalJson(pinned, approved.Current.Plan) : PinnedPlan.RefusalText(pinned, approved.Current.Plan));
                    return ExitCodes.Findings;
                }

                report = approved.Report!;
            }
            else
            {
                report = await engine.ReconcileAsync(request, context, cancellationToken);
            }

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

    /// <summary>
    /// Runs a read that happens outside a run's report (planning before a pinned apply, plan against a cloud): a cloud
    /// error is one line and a hint on stderr and null (exit 2: nothing was read, nothing written), never an exception.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(Func<Task<T>> read, string command, TextWriter error)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (CloudApiException e)
        {
            var problem = RunError.Of(e);
            await error.WriteLineAsync($"{command}: reading the account failed, nothing was written: {problem}".ReplaceLineEndings(" "));
            if (ErrorHints.For(problem) is { } hint)
            {
                await error.WriteLineAsync($"hint: {hint}");
            }

            return null;
        }
        catch (CredentialsNotFoundException e)
        {
            await error.WriteLineAsync($"{command}: {e.Message}".ReplaceLineEndings(" "));
            return null;
        }
    }

    /// <summary>The plan a person pinned with --plan or --plan-id; null: none (apply whatever planning finds).</summary>
    private PinnedPlan? Pinned(ParseResult parse) =>
        _planFile is not null && parse.GetValue(_planFile) is { } file ? PinnedPlan.Read(file)
        : _planId is not null && parse.GetValue(_planId) is { } id ? PinnedPlan.OfId(id)
        : null;

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
}
