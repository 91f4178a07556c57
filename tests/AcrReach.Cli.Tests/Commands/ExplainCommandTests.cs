namespace AcrReach.Cli.Tests.Commands;

public class ExplainCommandTests
{
    [Fact]
    public async Task Explain_shows_each_path_hop_by_hop_and_where_it_breaks()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"));

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Contains("5 required paths, 3 reached now", run.Output, StringComparison.Ordinal);
        Assert.Contains("auth dockerauth-vpc.cn-hangzhou.aliyuncs.com 100.103.7.181/32 from vtb-sh2", run.Output, StringComparison.Ordinal);
        Assert.Contains("now: BROKEN at hop 1: delivered to the wrong place (cloud services of cn-shanghai; expected cloud services of cn-hangzhou)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"1\.\s+VPC vpc-sh2\s+vtb-sh2\s+100\.64\.0\.0/10 -> Local\s+delivered: cloud services of cn-shanghai  <-- breaks here", run.Output);
        Assert.Contains("with the plan: REACHED (cloud services of cn-hangzhou)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"TR tr-sh\s+vtb-trsh\s+in via tr-attach-sh2\s+100\.0\.0\.0/8 -> Attachment tr-attach-peer \[planned\]", run.Output);
        Assert.Contains("return to 172.16.0.0/24 from vtb-hz1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_from_one_source_shows_only_its_paths()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("use-replication"), "--from", "vpc-bj1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("vpc-bj1 -> cri-xxxxxx", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vpc-sh2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vpc-sz1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_from_one_source_names_its_plan_as_a_part_of_the_full_plan_that_plan_prints()
    {
        var scenario = CliRun.Scenario("use-replication");
        var full = await CliRun.Invoke("plan", "--scenario", scenario, "--output", "json");
        var fullId = System.Text.Json.JsonDocument.Parse(full.Output).RootElement.GetProperty("planId").GetString()!;

        var part = await CliRun.Invoke("explain", "--scenario", scenario, "--from", "vpc-bj1", "--output", "json");
        var whole = await CliRun.Invoke("explain", "--scenario", scenario);
        var text = await CliRun.Invoke("explain", "--scenario", scenario, "--from", "vpc-bj1");

        var partId = System.Text.Json.JsonDocument.Parse(part.Output).RootElement.GetProperty("planId").GetString()!;
        Assert.NotEqual(fullId, partId);
        Assert.Equal(fullId, System.Text.Json.JsonDocument.Parse(part.Output).RootElement.GetProperty("fullPlanId").GetString());
        Assert.StartsWith($"Plan {fullId}: the full plan", whole.Output, StringComparison.Ordinal);
        Assert.StartsWith($"Plan {partId}: the part of the full plan {fullId} for vpc-bj1 (", text.Output, StringComparison.Ordinal);
        Assert.Equal([fullId, partId], System.Text.RegularExpressions.Regex.Matches(text.Output, "plan-[0-9a-f]+").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray().OrderBy(id => id == fullId ? 0 : 1));
    }

    [Fact]
    public async Task Explain_of_an_unlinked_same_region_vpc_shows_the_link_the_plan_makes()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("same-region-link"), "--from", "vpc-hz2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("registry xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com from vpc-hz2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0/0", run.Output, StringComparison.Ordinal);
        Assert.Contains("now: BROKEN: the VPC is not linked to the registry", run.Output, StringComparison.Ordinal);
        Assert.Contains("with the plan: REACHED (vsw-hz2-a in vpc-hz2)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_from_a_data_center()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("from tr-attach-vbr into tr-sh", run.Output, StringComparison.Ordinal);
        Assert.Contains("delivered: data center idc-sh", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_from_a_data_center_lists_the_routes_and_records_its_own_side_needs()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh");
        var json = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--output", "json");

        var lines = run.Output.Split('\n');
        var verdict = Array.FindIndex(lines, l => l.StartsWith("Data center idc-sh: ", StringComparison.Ordinal));
        Assert.True(verdict >= 0, run.Output);
        Assert.EndsWith("on-premises: these routes and records", lines[verdict], StringComparison.Ordinal);
        Assert.Matches(@"^  route\s+10\.94\.205\.198/32 -> the cloud \(enters by tr-attach-vbr into tr-sh\)\s+registry xxxxxx-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com", lines[verdict + 1]);
        Assert.Contains(lines, l => l.StartsWith("  DNS ", StringComparison.Ordinal) && l.Contains("dockerauth-vpc.cn-hangzhou.aliyuncs.com A ", StringComparison.Ordinal));
        var needs = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("onPremises")[0];
        Assert.Equal("idc-sh", needs.GetProperty("dataCenter").GetString());
        Assert.Contains(needs.GetProperty("routes").EnumerateArray(), r => r.GetProperty("destination").GetString() == "10.94.205.198/32");
    }

    [Fact]
    public async Task Explain_of_a_conflict_exits_two_and_marks_the_break()
    {
        var run = await CliRun.Invoke("explain", "--scenario", CliRun.Scenario("blackhole"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("dropped (blackhole)  <-- breaks here", run.Output, StringComparison.Ordinal);
        Assert.Contains("ERROR    RouteConflict", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_from_an_unknown_source_is_one_line_of_bad_input()
    {
        var path = CliRun.Scenario("seed-hangzhou-shanghai");

        var run = await CliRun.Invoke("explain", "--scenario", path, "--from", "vpc-nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path}: $.policy.reach: --from vpc-nope: no reach rule starts there (sources: vpc-sh2)", Assert.Single(run.ErrorLines));
    }
}
