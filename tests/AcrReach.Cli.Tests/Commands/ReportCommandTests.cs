using System.Text.RegularExpressions;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Tests.Commands;

/// <summary><c>acr-reach report</c> without a browser: the file it writes, what it prints, its exit codes and bad input.</summary>
public class ReportCommandTests
{
    [Fact]
    public async Task Writes_one_page_with_a_drawing_per_required_path_and_says_so_in_one_line()
    {
        var scenario = CliRun.Scenario("seed-hangzhou-shanghai");
        var file = Path.Combine(OnPremCommandTests.Temp(), "report.html");
        var plan = Planner.Plan(ScenarioReader.Read(File.ReadAllBytes(scenario), scenario));

        var run = await CliRun.Invoke("report", "--scenario", scenario, "--html", file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"wrote {file}: plan {plan.PlanId}, {plan.Paths.Length} path drawings, 0 findings, 0 data centers\n", run.Output);
        var page = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Equal(plan.Paths.Length, Regex.Matches(page, "<svg class=\"path\" data-path=\"vpc-sh2→cri-xxxxxx\"").Count);
    }

    [Fact]
    public async Task From_a_cloud_the_page_shows_the_routes_apply_would_add_and_after_apply_the_ones_it_added()
    {
        var scenario = CliRun.Scenario("seed-hangzhou-shanghai");
        var paths = Planner.Plan(ScenarioReader.Read(File.ReadAllBytes(scenario), scenario)).Paths.Length;
        await using var cloud = await LocalCloudServer.StartAsync(InputFiles.ReadScenario(scenario), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var directory = OnPremCommandTests.Temp();
        var before = Path.Combine(directory, "before.html");
        var after = Path.Combine(directory, "after.html");

        var first = await CliRun.Invoke("report", "--endpoint", cloud.Endpoint.ToString(), "--html", before);
        var apply = await CliRun.Invoke("apply", "--endpoint", cloud.Endpoint.ToString());
        var second = await CliRun.Invoke("report", "--endpoint", cloud.Endpoint.ToString(), "--html", after);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(apply.ExitCode == 0, apply.Output + apply.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var (planned, made) = (File.ReadAllText(before), File.ReadAllText(after));
        Assert.Contains($"read from <code>{cloud.Endpoint}</code>", planned, StringComparison.Ordinal);
        Assert.Equal(paths, Regex.Matches(planned, "<svg class=\"path\" data-path=").Count);
        Assert.Equal(paths, Regex.Matches(made, "<svg class=\"path\" data-path=").Count);
        Assert.Contains("class=\"hop would-add\"", planned, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"hop added\"", planned, StringComparison.Ordinal);
        Assert.Contains("class=\"hop added\"", made, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"hop would-add\"", made, StringComparison.Ordinal);
        Assert.Contains("<p>None: every route the paths need is there.</p>", made, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_an_error_finding_still_writes_the_page_and_exits_2_with_one_line()
    {
        var file = Path.Combine(OnPremCommandTests.Temp(), "report.html");

        var run = await CliRun.Invoke("report", "--scenario", CliRun.Scenario("route-conflict"), "--html", file);

        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(file));
        Assert.StartsWith("the plan has error findings (RouteConflict", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_scenario_nor_endpoint_is_bad_input_in_one_line()
    {
        var run = await CliRun.Invoke("report", "--html", Path.Combine(OnPremCommandTests.Temp(), "r.html"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("(arguments): $: give exactly one of --scenario FILE and --endpoint URL", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_file_in_a_missing_directory_is_bad_input_in_one_line()
    {
        var file = Path.Combine(OnPremCommandTests.Temp(), "no-such-directory", "r.html");

        var run = await CliRun.Invoke("report", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--html", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith($"--html: $: cannot write {file}: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_html_or_output_there_is_nothing_to_do_and_that_is_bad_input_in_one_line()
    {
        var run = await CliRun.Invoke("report", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("(arguments): $: give --html OUT.html, --output text|json, or both", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_output_does_not_parse()
    {
        var run = await CliRun.Invoke("report", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--output", "yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("yaml", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_the_page_s_data_one_entry_per_drawing_and_the_file_line_goes_to_stderr()
    {
        var scenario = CliRun.Scenario("datacenter-vbr");
        var file = Path.Combine(OnPremCommandTests.Temp(), "report.html");
        var plan = Planner.Plan(ScenarioReader.Read(File.ReadAllBytes(scenario), scenario));

        var run = await CliRun.Invoke("report", "--scenario", scenario, "--html", file, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"wrote {file}: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        var report = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(plan.PlanId, report.GetProperty("planId").GetString());
        var paths = report.GetProperty("paths").EnumerateArray().ToList();
        var page = File.ReadAllText(file);
        Assert.Equal(Regex.Matches(page, "<svg class=\"path\" data-path=").Count, paths.Count);
        Assert.All(paths, p => Assert.Equal("idc-sh→cri-xxxxxx", p.GetProperty("drawing").GetString()));
        Assert.Equal(plan.Paths.Count(p => p.Hops.Any(h => h.Route?.Provenance == Core.Tracing.RouteProvenance.Planned)), paths.Count(p => p.GetProperty("hops").EnumerateArray().Any(h => h.GetProperty("mark").GetString() == "wouldAdd")));
        Assert.Equal("noRoute", paths[1].GetProperty("now").GetString());
        Assert.Equal("reached", paths[1].GetProperty("withPlan").GetProperty("outcome").GetString());
        var dataCenter = Assert.Single(report.GetProperty("dataCenters").EnumerateArray());
        Assert.Equal("idc-sh", dataCenter.GetProperty("name").GetString());
        Assert.Equal(3, dataCenter.GetProperty("routes").GetArrayLength());
    }

    [Fact]
    public async Task Text_output_has_a_line_per_path_with_its_state_now_and_with_the_plan()
    {
        var run = await CliRun.Invoke("report", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--output", "text");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("Plan plan-", lines[0], StringComparison.Ordinal);
        Assert.Contains("vpc-sh2→cri-xxxxxx", lines);
        Assert.Contains(lines, l => l.StartsWith("  forward  auth dockerauth-vpc.cn-hangzhou.aliyuncs.com", StringComparison.Ordinal) && l.Contains("now: broken at hop 1: delivered to the wrong place", StringComparison.Ordinal) && l.Contains("with the plan: reached", StringComparison.Ordinal) && l.EndsWith("adds 3 routes", StringComparison.Ordinal));
        Assert.Contains("  nothing to configure: account 1234567890123456 has no data centers", lines);
    }

    [Fact]
    public async Task Help_names_the_options_and_ends_with_the_exit_codes()
    {
        var run = await CliRun.Invoke("report", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--html", run.Output, StringComparison.Ordinal);
        Assert.Contains("--endpoint", run.Output, StringComparison.Ordinal);
        Assert.EndsWith(ExitCodes.Help + "\n", run.Output, StringComparison.Ordinal);
    }
}
