using System.Collections.Immutable;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Topology;
using AcrReach.TestSupport;
using FsCheck.Xunit;

namespace AcrReach.EndToEnd.Tests.Discovery;

/// <summary>
/// Equivalence: for every scope that names one network, the plan (and the verification) from path-scoped discovery is
/// byte for byte the whole account's plan of that scope — over every planner scenario and over generated accounts, each
/// served by the local cloud so that the filtered list calls are answered the way the APIs answer them; a sweep's shard
/// also as it runs from the timer's account-wide readings.
/// </summary>
public sealed class ScopedDiscoveryProperties
{
    private static readonly HttpClient Http = new();

    public static TheoryData<string> Scenarios() =>
        [.. TestSupport.Scenarios.Names(), .. Directory.EnumerateFiles(Path.Combine(TestSupport.Scenarios.RepositoryRoot, "scenarios"), "*.json").Select(f => "scenarios/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scoped_discovery_plans_every_network_of_a_scenario_as_the_whole_account_does(string scenario)
    {
        var account = scenario.StartsWith("scenarios/", StringComparison.Ordinal)
            ? ScenarioReader.Read(File.ReadAllText(Path.Combine(TestSupport.Scenarios.RepositoryRoot, scenario)), scenario)
            : TestSupport.Scenarios.Load(scenario);

        await AssertEquivalentAsync(account);
    }

    [Property(MaxTest = 30)]
    public void Scoped_discovery_plans_every_network_of_a_generated_account_as_the_whole_account_does(int seed) =>
        AssertEquivalentAsync(RandomAccounts.Generate(seed)).GetAwaiter().GetResult();

    /// <summary>
    /// Every network by name, by its attachments and toward each registry its rules name; a VPC that is not there; every
    /// peer attachment (the networks of both its routers' regions), by its id alone too, and one that is not there; every
    /// region and every transit router's networks in it (the fanned-out sweep's shards).
    /// </summary>
    private static IEnumerable<ReconcileScope> NetworkScopes(DiscoveredAccount whole) =>
        whole.Account.Vpcs.Select(v => (ReconcileScope)new OneNetwork(v.Id))
            .Concat(whole.Account.DataCenters.Select(d => new OneNetwork(d.Name)))
            .Concat(whole.Attachments.Select(a => new AttachmentNetwork(a.Type, a.Id, a.NetworkId, a.TransitRouterId, a.Region)))
            .Concat(whole.Attachments.Where(a => a.Type == AttachmentType.Peer).Select(a => new AttachmentNetwork(AttachmentType.Peer, a.Id, null, null, null)))
            .Append(new AttachmentNetwork(AttachmentType.Peer, "tr-attach-peer-not-there", null, null, whole.Regions.FirstOrDefault()))
            .Concat(Bursts(whole))
            .Concat(Core.Reach.ReachRules.Effective(whole.Account).Select(r => new OneNetwork(r.From.Name, r.Registry)))
            .Append(new OneNetwork("vpc-not-there"))
            .Append(new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-not-there", "vpc-not-there", null, whole.Regions.FirstOrDefault()))
            .Concat(whole.Regions.Select(r => new RegionNetworks(r)))
            .Concat(whole.Account.TransitRouters.Select(t => new TransitRouterNetworks(t.Region, t.Id)))
            .Concat(whole.Regions.Select(r => new TransitRouterNetworks(r, null)));

    /// <summary>Attachment events merged into one run: every attachment of the account at once, and a VPC's with each peer's.</summary>
    private static IEnumerable<ReconcileScope> Bursts(DiscoveredAccount whole)
    {
        var attachments = whole.Attachments.Select(a => new AttachmentNetwork(a.Type, a.Id, a.NetworkId, a.TransitRouterId, a.Region)).ToImmutableArray();
        if (attachments.Length > 1)
        {
            yield return new AttachedNetworks(attachments);
        }

        if (attachments.FirstOrDefault(a => a.Type == AttachmentType.Vpc) is { } vpc)
        {
            foreach (var peer in attachments.Where(a => a.Type == AttachmentType.Peer))
            {
                yield return new AttachedNetworks([vpc, peer]);
            }
        }
    }

    private static async Task AssertEquivalentAsync(Account account)
    {
        await using var cloud = await LocalCloudRig.StartAsync(account);
        var discovery = new AccountDiscovery(cloud.Apis, new LocalCloudEndpointLookup(cloud.Cloud.Endpoint, Http));
        var whole = await discovery.DiscoverAsync();
        var shared = await discovery.ReadSharedAsync(DateTimeOffset.UnixEpoch);
        foreach (var scope in NetworkScopes(whole))
        {
            var request = new ReconcileRequest(scope, "test", ReconcileMode.ReportOnly);
            var expected = Scoping.Apply(whole, scope);
            await AssertPlansAsAsync(expected, discovery, request);

            // A sweep's shard starting from the timer's account-wide readings plans as one that read them itself.
            if (scope is RegionNetworks or TransitRouterNetworks)
            {
                await AssertPlansAsAsync(expected, discovery, request with { Shared = shared });
            }
        }
    }

    private static async Task AssertPlansAsAsync(ScopedAccount expected, AccountDiscovery discovery, ReconcileRequest request)
    {
        var focus = Scoping.FocusOf(request);
        Assert.NotNull(focus);
        var scoped = await discovery.DiscoverAsync(focus);

        var actual = Scoping.Apply(scoped, request.Scope);
        Assert.Equal(PlanJson.Serialize(expected.Plan()), PlanJson.Serialize(actual.Plan()));
        Assert.Equal(PlanJson.Serialize(expected.Verify()), PlanJson.Serialize(actual.Verify()));
    }
}
