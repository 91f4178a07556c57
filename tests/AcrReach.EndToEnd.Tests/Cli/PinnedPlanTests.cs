using System.Text.Json;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Cli;

/// <summary>
/// A reviewed plan is pinned: <c>plan --output json &gt; plan.json</c>, then <c>apply --plan plan.json</c> (or
/// <c>--plan-id</c>) applies only if planning again gives the same id; otherwise it refuses with the difference, exit 2,
/// writing nothing and publishing nothing.
/// </summary>
public sealed class PinnedPlanTests
{
    private static async Task<(string File, string PlanId)> PlanFileAsync(params string[] args)
    {
        var run = await CliRun.Invoke(["plan", .. args, "--output", "json"]);
        Assert.Equal(0, run.ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"acr-reach-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, run.Output);
        return (file, JsonDocument.Parse(run.Output).RootElement.GetProperty("planId").GetString()!);
    }

    [Fact]
    public async Task A_plan_file_applies_when_planning_again_gives_the_same_id()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var (file, planId) = await PlanFileAsync("--scenario", Scenarios.PathOf(Scenarios.SeedName));

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--plan", file, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(planId, report.GetProperty("planId").GetString());
        Assert.Equal(4, report.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("outcome").GetString() == "Applied"));
        Routes.AssertConverged(engine.Cloud.Snapshot());
        Assert.Single(engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName));
    }

    [Fact]
    public async Task A_plan_id_from_planning_against_the_cloud_applies_and_is_the_id_the_scenario_plans()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var (_, offline) = await PlanFileAsync("--scenario", Scenarios.PathOf(Scenarios.SeedName));
        var (_, online) = await PlanFileAsync("--endpoint", engine.Cloud.Endpoint.ToString());

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--plan-id", online);

        Assert.Equal(offline, online);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{online}: Repaired (4 applied)", run.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "plan-[0-9a-f]{16}"));
    }

    [Fact]
    public async Task A_changed_network_is_refused_with_the_difference_exit_2_and_nothing_written_or_published()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var (file, planId) = await PlanFileAsync("--scenario", Scenarios.PathOf(Scenarios.SeedName));
        // Someone else applies part of the plan after it was reviewed: the transit-router routes are now there.
        await engine.ApplyAsync();
        var messages = engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName).Count;
        engine.Cloud.ResetCalls();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--plan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.Equal(messages, engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName).Count);
        var lines = run.Output.Split('\n');
        Assert.StartsWith($"Plan {planId} is no longer current: nothing was applied.", lines[0], StringComparison.Ordinal);
        Assert.Matches("^Planning again gives plan-[0-9a-f]{16} \\(0 actions, ", lines[1]);
        Assert.Contains("  - route 100.0.0.0/8 -> Attachment tr-attach-hz1 in vtb-trhz (tr-hz, cn-hangzhou)", lines);
        Assert.Contains("  - route 100.103.7.181/32 -> Attachment tr-attach-sh2 in vtb-sh2 (vpc-sh2, cn-shanghai)", lines);
    }

    [Fact]
    public async Task A_refusal_in_json_names_both_ids_and_the_plan_now()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        await engine.ApplyAsync();

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--plan-id", "plan-0000000000000000", "--output", "json");

        Assert.Equal(2, run.ExitCode);
        var refusal = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(refusal.GetProperty("applied").GetBoolean());
        Assert.Equal("plan-0000000000000000", refusal.GetProperty("pinnedPlanId").GetString());
        Assert.Equal(refusal.GetProperty("plan").GetProperty("planId").GetString(), refusal.GetProperty("currentPlanId").GetString());
    }

    [Fact]
    public async Task A_plan_file_edited_after_planning_is_bad_input()
    {
        var (file, _) = await PlanFileAsync("--scenario", Scenarios.PathOf(Scenarios.SeedName));
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("100.103.7.181/32", "100.103.7.182/32", StringComparison.Ordinal));

        var run = await CliRun.Invoke("apply", "--endpoint", "http://127.0.0.1:9", "--plan", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith($"{file}: $.planId: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_and_plan_id_together_are_refused()
    {
        var run = await CliRun.Invoke("apply", "--plan", "x.json", "--plan-id", "plan-0000000000000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("--plan", run.ErrorLines[0], StringComparison.Ordinal);
    }
}
