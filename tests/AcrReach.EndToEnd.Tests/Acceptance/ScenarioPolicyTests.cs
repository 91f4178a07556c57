using AcrReach.TestSupport;
using System.Text.Json;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Acceptance;

/// <summary>
/// How an acceptance check drives the product: a local cloud seeded from a scenario and <c>apply --endpoint</c> with no
/// policy file. The scenario's route scopes and OSS VIP ranges must reach the run all the same, so the state written
/// back plans with nothing left to do.
/// </summary>
public sealed class ScenarioPolicyTests
{
    public static TheoryData<string> Scenarios() => [.. TestSupport.Scenarios.Names()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Applying_without_a_policy_file_leaves_nothing_to_plan(string scenario)
    {
        var account = TestSupport.Scenarios.Load(scenario);
        await using var engine = await LocalCloudRig.StartAsync(account);

        var report = await engine.ApplyAsync();

        Assert.DoesNotContain(report.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Empty(Planner.Plan(engine.Cloud.Snapshot()).Actions);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Applying_with_private_zone_makes_every_dns_record_and_a_second_run_writes_nothing(string scenario)
    {
        var options = new ReconcilerOptions { Apply = new ApplierOptions { PrivateZone = true } };
        await using var engine = await LocalCloudRig.StartAsync(TestSupport.Scenarios.Load(scenario));

        var first = await engine.ApplyAsync(options);
        engine.Cloud.ResetCalls();
        var second = await engine.ApplyAsync(options);

        Assert.DoesNotContain(first.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.DoesNotContain(second.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal(0, engine.NetworkWriteCalls());
    }

    [Fact]
    public async Task A_sweep_of_some_regions_reports_no_rule_for_a_vpc_outside_them()
    {
        await using var engine = await LocalCloudRig.StartAsync("use-replication");

        var report = await engine.SweepAsync(new ReconcilerOptions { Discovery = new() { Regions = ["cn-hangzhou", "cn-shanghai"] } });

        Assert.DoesNotContain(report.Plan!.Findings, f => f.Code == "UnknownResource");
    }

    [Fact]
    public async Task Apply_through_the_cli_adds_host_routes_to_transit_router_tables_when_the_scenario_says_HostRoutes()
    {
        await using var engine = await LocalCloudRig.StartAsync("host-routes");

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var transit = report.RootElement.GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("action"))
            .Where(a => a.GetProperty("kind").GetString() == "CreateTransitRoute")
            .Select(a => a.GetProperty("destination").GetString()!)
            .ToList();
        Assert.NotEmpty(transit);
        Assert.All(transit, d => Assert.EndsWith("/32", d, StringComparison.Ordinal));
    }
}
