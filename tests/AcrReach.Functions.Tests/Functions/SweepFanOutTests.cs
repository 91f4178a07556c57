using System.Collections.Immutable;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

// The host's side of the fanned-out sweep, with a recording engine double; on the local cloud: EndToEnd/SweepFanOutOnLocalCloudTests.
public sealed class SweepFanOutTests
{
    [Fact]
    public async Task With_a_worker_configured_the_timer_hands_the_shards_over_instead_of_sweeping_itself()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep, config => config with { SweepWorker = "acr-reach-sweep-worker", ShardMaxNetworks = 120, SweepRepair = true });

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-default.json"));

        Assert.Equal("200", response.FcStatus());
        Assert.Empty(host.Engine.Reconciles);
        var (request, _) = Assert.Single(host.Engine.FanOuts);
        Assert.Equal(new SweepFanOutRequest("acr-reach-sweep-worker", ReconcileMode.Repair, 120), request);
        var body = await response.JsonAsync();
        Assert.Equal("sweep-test", body.GetProperty("sweepId").GetString());
        Assert.Equal(host.Engine.Account.Vpcs.Select(v => v.Region).Distinct().Count(), body.GetProperty("shards").GetArrayLength());
        Assert.Contains(host.OutputLines, line => line.Contains("\"sweep.shard\"", StringComparison.Ordinal) && line.Contains("sweep-test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shard_that_could_not_be_handed_over_fails_the_timer_invocation_so_fc_retries_it()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep, config => config with { SweepWorker = "w" });
        host.Engine.FanOutAnswer = _ => new SweepFanOutReport(
            "sweep-x",
            [new ShardDispatch(1, "region cn-hangzhou", "fc-1", null), new ShardDispatch(2, "region cn-shanghai", null, new RunError("Throttling.User", "too fast"))],
            null);

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-default.json"));

        Assert.Equal("404", response.FcStatus());
        Assert.Contains(host.OutputLines, line => line.Contains("\"sweep.shard-failed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_worker_the_timer_sweeps_the_whole_account_itself()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-default.json"));

        Assert.Equal("200", response.FcStatus());
        Assert.Empty(host.Engine.FanOuts);
        Assert.Equal(WholeAccount.Instance, Assert.Single(host.Engine.Reconciles).Scope);
    }

    [Theory]
    [InlineData("""{"sweepId":"sweep-1","index":2,"count":3,"mode":"Repair","region":"cn-shanghai"}""", ReconcileMode.Repair, "region cn-shanghai")]
    [InlineData("""{"sweepId":"sweep-1","index":1,"count":3,"mode":"ReportOnly","region":"cn-hangzhou","transitRouterId":"tr-hz"}""", ReconcileMode.ReportOnly, "region cn-hangzhou, networks on tr-hz")]
    [InlineData("""{"sweepId":"sweep-1","index":3,"count":3,"mode":"Repair","region":"cn-hangzhou","noTransitRouter":true}""", ReconcileMode.Repair, "region cn-hangzhou, networks on no transit router")]
    public async Task The_worker_runs_its_shard_as_part_of_the_sweep_named_by_its_id(string shard, ReconcileMode mode, string scope)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.SweepWorker);

        using var response = await host.InvokeAsync(shard);

        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(scope, request.Scope.Describe());
        Assert.Equal(Triggers.Sweep, request.Trigger);
        Assert.Equal(mode, request.Mode);
        Assert.Equal("sweep-1", request.SweepId);
        Assert.Equal(TimeSpan.Zero, request.ReadyTimeout);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"index":1,"mode":"Repair","region":"cn-hangzhou"}""")]
    [InlineData("""{"sweepId":"s","mode":"Repair","region":"x@127.0.0.1"}""")]
    [InlineData("""{"sweepId":"s","mode":"Repair","region":"cn-hangzhou","transitRouterId":"tr-1","noTransitRouter":true}""")]
    public async Task The_worker_refuses_a_body_that_is_not_a_shard_without_running(string body)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.SweepWorker);

        using var response = await host.InvokeAsync(body);

        Assert.Equal("404", response.FcStatus());
        Assert.Equal("MalformedEvent", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Theory]
    [InlineData("acr-reach-sweep-worker", FunctionKind.SweepWorker)]
    [InlineData("sweep-worker", FunctionKind.SweepWorker)]
    [InlineData("acr-reach-sweep", FunctionKind.Sweep)]
    public void A_deployed_name_selects_its_function(string name, FunctionKind kind) => Assert.Equal(kind, FunctionKinds.TryParse(name));

    [Fact]
    public void The_worker_and_shard_size_come_from_the_environment()
    {
        var variables = new Dictionary<string, string> { ["FC_FUNCTION_NAME"] = "acr-reach-sweep", ["ACR_REACH_SWEEP_WORKER"] = "acr-reach-sweep-worker", ["ACR_REACH_SHARD_MAX_NETWORKS"] = "250" };

        var config = HostConfig.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(("acr-reach-sweep-worker", 250), (config.SweepWorker, config.ShardMaxNetworks));
    }

    [Fact]
    public void Shards_are_regions_and_a_large_region_is_split_per_transit_router()
    {
        var shards = SweepSharding.Split(
            [
                new RegionSurvey("cn-shanghai", 40),
                new RegionSurvey("cn-hangzhou", 900, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tr-a", 600), KeyValuePair.Create("tr-b", 250), KeyValuePair.Create("tr-empty", 0)]), 50),
                new RegionSurvey("cn-beijing", 0),
            ],
            maxNetworksPerShard: 500);

        Assert.Equal<ReconcileScope>(
            [
                new RegionNetworks("cn-beijing"),
                new TransitRouterNetworks("cn-hangzhou", "tr-a"),
                new TransitRouterNetworks("cn-hangzhou", "tr-b"),
                new TransitRouterNetworks("cn-hangzhou", null),
                new RegionNetworks("cn-shanghai"),
            ],
            shards);
    }
}
