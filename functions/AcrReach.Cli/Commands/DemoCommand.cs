using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcrReach.Cli.Output;
using AcrReach.Cloud;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Rendering;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>demo</c>: no account, no setup. Starts a local cloud in this process from the seed scenario (embedded), runs
/// apply on it, and shows what a person needs to see: the routes it created, the DNS records, what was verified, and a
/// summary of the message on the queue (with <c>--verbose</c>, every path hop by hop and the whole message). Then stops the local cloud.
/// </summary>
internal static class DemoCommand
{
    public const string SeedResource = "AcrReach.Cli.seed-hangzhou-shanghai.json";

    public static Command Create()
    {
        var verbose = new Option<bool>("--verbose") { Description = "Also every path hop by hop and the whole message as it is on the queue." };
        var scenario = new Option<string?>("--scenario") { Description = "Seed the local cloud from this scenario file instead of the seed scenario." };
        var command = new Command("demo", "Start a local cloud seeded with the seed scenario, run apply on it, and show the routes, DNS records, what was verified and the message.") { verbose, scenario };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, output => RunAsync(parse.GetValue(scenario), output, TextWriter.Synchronized(parse.InvocationConfiguration.Error), parse.GetValue(verbose), cancellationToken)));
        return command;
    }

    public static Account Seed()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(SeedResource) ?? throw new InvalidOperationException($"{SeedResource} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return ScenarioReader.Read(memory.ToArray(), "seed-hangzhou-shanghai.json");
    }

    private static async Task<int> RunAsync(string? scenario, TextWriter output, TextWriter progress, bool verbose, CancellationToken cancellationToken)
    {
        var seed = scenario is null ? Seed() : CommandGuard.LoadScenario(scenario);
        await using var cloud = await LocalCloudServer.StartAsync(seed, new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(150) }, cancellationToken);
        output.WriteLine($"Local cloud on {cloud.Endpoint} with the seed scenario (account {seed.AccountId}):");
        foreach (var rule in ReachRules.Effective(seed))
        {
            var registry = seed.FindRegistry(rule.Registry);
            var from = seed.FindVpc(rule.From.Name) is { } vpc ? $"{vpc.Id} in {vpc.Region}" : rule.From.Name;
            output.WriteLine($"  {from} must pull from {rule.Registry}{(registry is null ? string.Empty : $" ({registry.InstanceName}, {registry.Region})")}");
        }

        output.WriteLine();
        output.WriteLine("Running apply: discover, plan, apply, verify, notify (progress on stderr)");
        using var factory = new CloudClientFactory(new CloudOptions
        {
            Endpoint = cloud.Endpoint,
            Credentials = new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret), "local cloud default"),
        });
        var options = EngineRun.Options([], PolicySettings.None, cloud.Options.QueueName, null, privateZone: false, progress);
        var report = await new ReachEngine(factory, options).ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, Triggers.Demo, ReconcileMode.Repair), RunContext.Default, cancellationToken);

        output.WriteLine();
        output.WriteLine($"{report.Outcome} in {report.Duration.TotalSeconds:0.0} s ({report.RunId}, {report.PlanId})");
        WriteRoutes(report, output);
        if (!report.Dns.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("DNS records each source needs (acr-reach plan --output hosts prints them as hosts files; apply --private-zone makes them in PrivateZone)");
            var table = new TextTable("  ");
            foreach (var record in report.Dns)
            {
                table.Add(record.Scope, record.Ip.ToString(), record.Name);
            }

            table.WriteTo(output);
        }

        if (report.Verification is { } verification)
        {
            output.WriteLine();
            VerificationText.Write(report.Checks, output);
            foreach (var needs in report.OnPremises)
            {
                output.WriteLine();
                VerificationText.Write(needs, output);
            }

            if (verbose && report.Plan is { } plan)
            {
                output.WriteLine();
                output.WriteLine("Each path hop by hop, on the account as apply left it");
                ExplainText.Write(verification, plan, output);
            }
        }

        if (!seed.Members.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Writes by account (the local cloud's record of whose credentials made each)");
            var writes = new TextTable("  ");
            foreach (var write in cloud.Writes())
            {
                writes.Add(write.AccountId, write.RoleArn ?? "own credentials", write.Action, write.Target ?? string.Empty, write.TargetAccountId == write.AccountId ? "owner" : $"owner {write.TargetAccountId}");
            }

            writes.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine($"Message on the queue {cloud.Options.QueueName}");
        if (cloud.Messages(cloud.Options.QueueName).LastOrDefault() is { DecodedBody: { } body } message)
        {
            output.WriteLine($"  {MessageSummary(message.MessageId, body)}");
            output.WriteLine(verbose ? Indent(body) : "  (--verbose shows the whole message; apply --output json prints the run's report)");
        }
        else
        {
            output.WriteLine($"  none: {report.Notification?.Error ?? "not published"}");
        }

        output.WriteLine();
        output.WriteLine("Local cloud stopped. Against a real account: acr-reach apply (credentials from the usual Alibaba Cloud chain).");
        return EngineRun.ExitCode(report);
    }

    private static void WriteRoutes(ApplyReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Routes created (marked acr-reach in their name and description)");
        var table = new TextTable("  ");
        foreach (var step in report.Steps.Where(s => s.Outcome == StepOutcome.Applied))
        {
            switch (step.Action.Plan)
            {
                case CreateVpcRoute v:
                    table.Add($"VPC {v.VpcId}", v.RouteTableId, Cidr.Format(v.Destination), $"-> {v.NextHopType} {v.NextHopId}", v.Reason);
                    break;
                case CreateTransitRoute t:
                    table.Add($"TR {t.TransitRouterId}", t.RouteTableId, Cidr.Format(t.Destination), $"-> Attachment {t.NextHopId}", t.Reason);
                    break;
                case LinkVpcEndpoint l:
                    table.Add($"link {l.VpcId}", l.VswitchId, l.InstanceId, string.Empty, l.Reason);
                    break;
            }
        }

        table.WriteTo(output);
    }

    /// <summary>
    /// The message in one line: its id, the outcome, the step counts and the paths, read back from the queue. The plan
    /// id is left out: the run's line above already names it, and one run prints its plan id once.
    /// </summary>
    internal static string MessageSummary(string messageId, string body)
    {
        var message = JsonNode.Parse(body)!;
        var steps = message["steps"]?.AsArray().Select(s => (string?)s?["outcome"]).ToList() ?? [];
        var counts = string.Join(", ", steps.GroupBy(o => o ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        var paths = message["verification"]?["paths"]?.AsArray() ?? [];
        return $"id {messageId}: {(string?)message["outcome"]}, steps {(counts.Length == 0 ? "none" : counts)}, "
            + $"{paths.Count(p => (bool?)p?["reached"] == true)} of {paths.Count} paths routed, {System.Text.Encoding.UTF8.GetByteCount(body)} bytes";
    }

    /// <summary>The message indented for reading, each path's hop list replaced by its length (the trace above shows them).</summary>
    private static string Indent(string json)
    {
        var message = JsonNode.Parse(json)!;
        foreach (var path in message["verification"]?["paths"]?.AsArray() ?? [])
        {
            if (path?["hops"] is JsonArray hops)
            {
                path["hops"] = hops.Count;
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            message.WriteTo(writer);
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return string.Join('\n', text.Split('\n').Select(line => "  " + line.TrimEnd('\r')));
    }
}
