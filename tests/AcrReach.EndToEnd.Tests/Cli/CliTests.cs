using AcrReach.TestSupport;
using System.Text.Json;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Vpc;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.EndToEnd.Tests.Cli;

/// <summary><c>acr-reach apply</c>, <c>sweep</c> and <c>demo</c>, driven in-process against the local cloud.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Apply_with_json_output_prints_the_report_on_stdout_only_and_exits_0_when_converged()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(["runId", "planId", "steps", "verification", "notification"], root.EnumerateObject().Select(p => p.Name).Take(5));
        var step = root.GetProperty("steps")[0];
        Assert.Equal(["action", "outcome", "requestId", "error"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Applied", step.GetProperty("outcome").GetString());
        Assert.Equal("CreateTransitRoute", step.GetProperty("action").GetProperty("kind").GetString());
        Assert.True(root.GetProperty("verification").GetProperty("reachable").GetBoolean());
        Assert.Equal(["queue", "messageId", "requestId"], root.GetProperty("notification").EnumerateObject().Select(p => p.Name));
        Assert.Equal(LocalCloudOptions.DefaultQueueName, root.GetProperty("notification").GetProperty("queue").GetString());
        Assert.Equal(ChainHasCredentials() ? [] : [$"no Alibaba Cloud credentials in the usual chain; using the local cloud's default key {LocalCloudOptions.DefaultAccessKeyId} for {engine.Cloud.Endpoint}"], run.ErrorLines);
    }

    [Fact]
    public async Task Apply_with_text_output_shows_progress_on_stderr_and_a_summary_on_stdout()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("reading 2 region(s) (cn-hangzhou, cn-shanghai)", StringComparison.Ordinal));
        Assert.Equal(4, run.ErrorLines.Count(l => l.TrimStart().StartsWith("Applied", StringComparison.Ordinal)));
        Assert.Contains("publishing the run's message to acr-reach-results (cn-hangzhou)", run.ErrorLines);
        Assert.Contains(": Repaired (4 applied) in ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verification: 5 of 5 required paths routed; names: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Message: ", run.Output, StringComparison.Ordinal);
        Assert.Single(engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName));
    }

    [Fact]
    public async Task Verification_says_routed_and_separately_that_names_without_private_zone_are_on_your_dns()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());

        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("  routed  vpc-sh2 -> cri-xxxxxx  auth dockerauth-vpc.cn-hangzhou.aliyuncs.com 100.103.7.181/32", StringComparison.Ordinal)
            && l.EndsWith("DNS: your hosts or DNS server (see the DNS records)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  routed  vpc-sh2 -> cri-xxxxxx  return 172.16.0.0/24", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_private_zone_verification_says_each_name_resolves_to_the_routed_address()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--private-zone", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var checks = JsonDocument.Parse(run.Output).RootElement.GetProperty("checks").EnumerateArray().ToList();
        var auth = checks.Single(c => c.GetProperty("endpoint").GetString() == "auth");
        Assert.True(auth.GetProperty("routed").GetBoolean());
        Assert.Equal("Resolves", auth.GetProperty("dns").GetString());
        Assert.StartsWith("DNS: resolves to 100.103.7.181 (PrivateZone ", auth.GetProperty("dnsDetail").GetString(), StringComparison.Ordinal);
        Assert.All(checks.Where(c => c.GetProperty("name").ValueKind == JsonValueKind.String), c => Assert.Equal("Resolves", c.GetProperty("dns").GetString()));
    }

    [Fact]
    public async Task A_data_center_is_cloud_side_ready_with_its_routes_and_records_in_the_text_and_the_message()
    {
        await using var engine = await LocalCloudRig.StartAsync("datacenter-vbr");

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());

        Assert.Contains("Data center idc-sh: cloud side ready; on-premises: these routes and records", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  route\s+10\.94\.205\.198/32 -> the cloud \(enters by tr-attach-vbr into tr-sh\)", run.Output);
        var message = engine.Messages().Last();
        var needs = message["onPremises"]![0]!;
        Assert.Equal("idc-sh", (string?)needs["dataCenter"]);
        Assert.True((bool)needs["cloudSideReady"]!);
        Assert.Contains(needs["routes"]!.AsArray(), r => (string?)r!["destination"] == "10.94.205.198/32");
    }

    [Fact]
    public async Task Sweep_reports_drift_with_exit_2_and_writes_nothing_then_repair_mends_it()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString(), "--output", "json");
        var writes = engine.NetworkWriteCalls();
        var repair = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString(), "--repair");
        var after = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString());

        Assert.Equal((2, 0), (report.ExitCode, writes));
        using var json = JsonDocument.Parse(report.Output);
        Assert.Equal("DriftReported", json.RootElement.GetProperty("outcome").GetString());
        Assert.All(json.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Skipped", s.GetProperty("outcome").GetString()));
        Assert.Equal(0, repair.ExitCode);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains(": InSync in ", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_with_repair_puts_back_a_route_deleted_behind_acr_reachs_back()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        Assert.Equal(0, (await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString())).ExitCode);
        await engine.Apis.Vpc("cn-shanghai").DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.103.7.181/32" });
        await Task.Delay(100);

        var drift = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString());
        var repair = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString(), "--repair");

        Assert.Equal(2, drift.ExitCode);
        Assert.Contains("DriftReported (1 skipped)", drift.Output, StringComparison.Ordinal);
        Assert.Equal(0, repair.ExitCode);
        Assert.Contains("Repaired (1 applied)", repair.Output, StringComparison.Ordinal);
        Routes.AssertConverged(engine.Cloud.Snapshot());
    }

    [Fact]
    public async Task A_message_that_cannot_be_published_makes_the_run_exit_non_zero_and_say_so()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--queue", "no-such-queue");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Message: NOT PUBLISHED: publishing to no-such-queue failed: QueueNotExist", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--endpoint", "not a url", "--endpoint: $: 'not a url' is not an absolute http(s) URL")]
    [InlineData("--policy", "/no/such/policy.json", "/no/such/policy.json: $: cannot read the file")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_1(string option, string value, string message)
    {
        var run = await CliRun.Invoke("apply", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Demo_needs_no_setup_and_shows_routes_dns_records_what_was_verified_and_a_summary_of_the_message()
    {
        var run = await CliRun.Invoke("demo");

        Assert.Equal(0, run.ExitCode);
        var output = run.Output;
        Assert.Contains("vpc-sh2 in cn-shanghai must pull from cri-xxxxxx (xxxxxx, cn-hangzhou)", output, StringComparison.Ordinal);
        Assert.Contains("Routes created", output, StringComparison.Ordinal);
        Assert.Contains("VPC vpc-sh2  vtb-sh2   100.103.7.181/32  -> Attachment tr-attach-sh2", output, StringComparison.Ordinal);
        Assert.Contains("TR tr-hz     vtb-trhz  100.0.0.0/8", output, StringComparison.Ordinal);
        Assert.Matches(@"vpc-sh2\s+10\.94\.205\.198\s+xxxxxx-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com", output);
        Assert.Contains("Verification: 5 of 5 required paths routed; names: ", output, StringComparison.Ordinal);
        Assert.Contains("Message on the queue acr-reach-results", output, StringComparison.Ordinal);
        Assert.Matches(@"  id [0-9A-F]+: Repaired, steps 4 Applied, 5 of 5 paths routed, \d+ bytes", output);
        Assert.DoesNotContain("\"schemaVersion\"", output, StringComparison.Ordinal);

        // One plan id per run, printed once (the summary line under the header names it).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "plan-[0-9a-f]{16}"));
        Assert.Contains("Local cloud stopped.", output, StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, l => l.TrimStart().StartsWith("Applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_verbose_adds_every_path_hop_by_hop_and_the_whole_message_with_still_one_plan_id()
    {
        var run = await CliRun.Invoke("demo", "--verbose");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 required paths, 5 reached now", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\": 1,", run.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "plan-[0-9a-f]{16}").Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task Demo_of_the_multi_account_scenario_converges_with_each_write_by_its_owner()
    {
        var run = await CliRun.Invoke("demo", "--scenario", Path.Combine(TestSupport.Scenarios.RepositoryRoot, "scenarios", "multi-account.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Repaired", run.Output, StringComparison.Ordinal);
        Assert.Contains("Writes by account", run.Output, StringComparison.Ordinal);
        var lines = run.Output.Split('\n');
        Assert.Equal(1, lines.Count(l => l.Contains("2000000000000002", StringComparison.Ordinal) && l.Contains("acs:ram::2000000000000002:role/AcrReachRole", StringComparison.Ordinal) && l.Contains("CreateRouteEntries", StringComparison.Ordinal) && l.TrimEnd().EndsWith("owner", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("1000000000000001", StringComparison.Ordinal) && l.Contains("own credentials", StringComparison.Ordinal) && l.Contains("CreateTransitRouterRouteEntry", StringComparison.Ordinal) && l.TrimEnd().EndsWith("owner", StringComparison.Ordinal)));
        Assert.DoesNotContain("owner 1", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("owner 2", run.Output, StringComparison.Ordinal);
    }

    private static bool ChainHasCredentials()
    {
        try
        {
            DefaultCredentialChain.ForCurrentUser().GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (CredentialsNotFoundException)
        {
            return false;
        }
    }
}
