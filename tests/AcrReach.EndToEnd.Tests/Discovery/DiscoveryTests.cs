using AcrReach.TestSupport;
using System.Collections.Immutable;
using AcrReach.Cloud.Discovery;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Discovery;

/// <summary>Discovery reads back, from the local cloud's APIs, the account a scenario describes: the plan is the same.</summary>
public sealed class DiscoveryTests
{
    public static TheoryData<string> Scenarios() => [.. TestSupport.Scenarios.Names()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Discovery_from_the_local_cloud_plans_exactly_what_the_scenario_plans(string scenario)
    {
        var account = TestSupport.Scenarios.Load(scenario);
        await using var engine = await LocalCloudRig.StartAsync(account);

        // Only what a real account keeps outside the resources: the route scopes and VIP range overrides. Data centers,
        // their CIDRs and every rule come from tags.
        var policy = new PolicySettings([], account.Policy with { Reach = [] }, account.OssVipRangeOverrides);
        var discovered = await new AccountDiscovery(engine.Apis, new LocalCloudEndpointLookup(engine.Cloud.Endpoint, new HttpClient()), new DiscoveryOptions { Policy = policy })
            .DiscoverAsync();

        Assert.Equal(PlanJson.Serialize(Planner.Plan(account)), PlanJson.Serialize(Planner.Plan(discovered.Account)));
    }
}
