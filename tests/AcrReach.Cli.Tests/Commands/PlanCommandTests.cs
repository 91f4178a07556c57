using System.Text.Json;

namespace AcrReach.Cli.Tests.Commands;

public class PlanCommandTests
{
    private static readonly string Seed = CliRun.Scenario("seed-hangzhou-shanghai");

    [Fact]
    public async Task Seed_plan_exits_zero_and_lists_routes_per_table()
    {
        var run = await CliRun.Invoke("plan", "--scenario", Seed);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Contains("VPC vpc-sh2 (cn-shanghai)  route table vtb-sh2", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"100\.103\.7\.181/32\s+-> Attachment tr-attach-sh2", run.Output);
        Assert.Matches(@"transit router tr-sh \(cn-shanghai\)  route table vtb-trsh\n\s+100\.0\.0\.0/8\s+-> Attachment tr-attach-peer", run.Output);
        Assert.Matches(@"10\.94\.205\.198\s+xxxxxx-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com", run.Output);
        Assert.Contains("Findings\n  none", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_an_error_finding_exits_two_and_shows_the_remedy()
    {
        var run = await CliRun.Invoke("plan", "--scenario", CliRun.Scenario("auth-address-conflict"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ERROR    AuthAddressConflict", run.Output, StringComparison.Ordinal);
        Assert.Contains("what to do: enable 'Instance Taking over Authentication Domain Name'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_the_plan_contract_and_byte_identical_across_runs()
    {
        var first = await CliRun.Invoke("plan", "--scenario", Seed, "--output", "json");
        var second = await CliRun.Invoke("plan", "--scenario", Seed, "--output", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        using var document = JsonDocument.Parse(first.Output);
        Assert.Equal(["planId", "actions", "dns", "findings"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, document.RootElement.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task Json_output_of_a_plan_with_errors_still_exits_two()
    {
        var run = await CliRun.Invoke("plan", "--scenario", CliRun.Scenario("route-conflict"), "--output", "json");

        Assert.Equal(2, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("RouteConflict", document.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Hosts_output_prints_a_block_per_source_and_wildcards_as_comments()
    {
        var run = await CliRun.Invoke("plan", "--scenario", CliRun.Scenario("use-replication"), "--output", "hosts");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal(3, lines.Count(l => l.StartsWith("# acr-reach plan-", StringComparison.Ordinal)));
        Assert.Contains("10.94.205.198 xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", lines);
        Assert.Contains("100.103.7.181 dockerauth-vpc.cn-hangzhou.aliyuncs.com", lines);
        Assert.Contains(lines, l => l.StartsWith("# 100.118.28.43 *.oss-cn-hangzhou-internal.aliyuncs.com", StringComparison.Ordinal) && l.Contains("one line per bucket", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("100.118.28.43 *", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_output_format_is_refused()
    {
        var run = await CliRun.Invoke("plan", "--scenario", Seed, "--output", "yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("yaml", run.Error, StringComparison.Ordinal);
    }
}
