using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Reconciliation;

public class ScopingTests
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private const string Beijing = "cn-beijing";

    // vpc-sh2 wants cri-hz by tag and is attached to two Shanghai routers (tr-sh2 by the first attachment id);
    // vpc-sh4 is attached to none; idc-sh is attached in Shanghai, idc-bj in Beijing.
    private static readonly DiscoveredAccount Discovered = new(
        new Account(
            "1234567890123456",
            [
                Vpc("vpc-hz1", Hangzhou),
                Vpc("vpc-sh2", Shanghai, tag: "cri-hz"),
                Vpc("vpc-sh3", Shanghai),
                Vpc("vpc-sh4", Shanghai),
                Vpc("vpc-bj1", Beijing),
            ],
            [],
            [Registry("cri-hz", Hangzhou), Registry("cri-sh", Shanghai)],
            RegionalEndpoints.Empty,
            ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>>.Empty,
            [new DataCenter("idc-sh", []), new DataCenter("idc-bj", [])],
            ReachPolicy.Default with
            {
                Reach =
                [
                    Rule(ReachSource.ForVpc("vpc-hz1"), "cri-sh"),
                    Rule(ReachSource.ForVpc("vpc-hz1"), "cri-gone"),
                    Rule(ReachSource.ForVpc("vpc-sh3"), "cri-hz"),
                    Rule(ReachSource.ForVpc("vpc-sh4"), "cri-sh"),
                    Rule(ReachSource.ForVpc("vpc-bj1"), "cri-sh"),
                    Rule(ReachSource.ForDataCenter("idc-sh"), "cri-sh"),
                    Rule(ReachSource.ForDataCenter("idc-bj"), "cri-hz"),
                ],
            }),
        [Hangzhou, Shanghai, Beijing],
        [
            new AttachmentState("tr-attach-b", AttachmentType.Vpc, "tr-sh", Shanghai, "vpc-sh2", null, "Attached"),
            new AttachmentState("tr-attach-a", AttachmentType.Vpc, "tr-sh2", Shanghai, "vpc-sh2", null, "Attached"),
            new AttachmentState("tr-attach-c", AttachmentType.Vpc, "tr-sh2", Shanghai, "vpc-sh3", null, "Attached"),
            new AttachmentState("tr-attach-d", AttachmentType.Vbr, "tr-sh", Shanghai, "vbr-sh", "idc-sh", "Attached"),
            new AttachmentState("tr-attach-e", AttachmentType.Vbr, "tr-bj", Beijing, "vbr-bj", "idc-bj", "Attached"),
            new AttachmentState("tr-attach-f", AttachmentType.Peer, "tr-sh", Shanghai, "tr-hz", null, "Attached"),
            new AttachmentState("tr-attach-g", AttachmentType.Vpc, "tr-hz", Hangzhou, "vpc-hz1", null, "Attaching"),
        ],
        [],
        [],
        []);

    private static Account Account => Discovered.Account;

    [Fact]
    public void Whole_account_plans_everything_unchanged_and_may_prune()
    {
        var scoped = Scoping.Apply(Discovered, WholeAccount.Instance);

        Assert.Same(Account, scoped.Account);
        Assert.Equal(PlanScope.Everything, scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Theory]
    [InlineData("vpc-sh2", null)]
    [InlineData("idc-bj", "cri-hz")]
    [InlineData("vpc-unknown", "cri-unknown")]
    public void One_network_becomes_the_planners_own_scope(string network, string? registry)
    {
        var scoped = Scoping.Apply(Discovered, new OneNetwork(network, registry));

        Assert.Same(Account, scoped.Account);
        Assert.Equal(new PlanScope(network, registry), scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Shanghai)]
    public void One_registry_is_the_planners_registry_scope_whatever_the_region(string? region)
    {
        var scoped = Scoping.Apply(Discovered, new RegistryNetworks("cri-hz", region));

        Assert.Same(Account, scoped.Account);
        Assert.Equal(PlanScope.ForRegistry("cri-hz"), scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Fact]
    public void Every_registry_anywhere_is_everything()
    {
        var scoped = Scoping.Apply(Discovered, new RegistryNetworks(null, null));

        Assert.Same(Account, scoped.Account);
        Assert.Equal(PlanScope.Everything, scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Fact]
    public void Registries_of_a_region_keep_the_rules_naming_one_there_tags_included()
    {
        var scoped = Scoping.Apply(Discovered, new RegistryNetworks(null, Hangzhou));

        Assert.Equal(["idc-bj -> cri-hz", "vpc-sh2 -> cri-hz", "vpc-sh3 -> cri-hz"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Registries_of_a_region_without_any_keep_no_rule()
    {
        var scoped = Scoping.Apply(Discovered, new RegistryNetworks(null, Beijing));

        Assert.Empty(scoped.Account.Policy.Reach);
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Region_keeps_its_vpcs_and_the_data_centers_attached_there()
    {
        var scoped = Scoping.Apply(Discovered, new RegionNetworks(Shanghai));

        Assert.Equal(["idc-sh -> cri-sh", "vpc-sh2 -> cri-hz", "vpc-sh3 -> cri-hz", "vpc-sh4 -> cri-sh"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Region_with_only_a_data_center_attached_there_keeps_only_the_data_center()
    {
        var scoped = Scoping.Apply(Discovered, new RegionNetworks(Beijing));

        Assert.Equal(["idc-bj -> cri-hz", "vpc-bj1 -> cri-sh"], Rules(scoped));
    }

    [Fact]
    public void Unknown_region_keeps_no_rule()
    {
        var scoped = Scoping.Apply(Discovered, new RegionNetworks("cn-nowhere"));

        Assert.Empty(scoped.Account.Policy.Reach);
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Router_shard_keeps_the_networks_whose_first_attachment_by_id_is_on_it()
    {
        var scoped = Scoping.Apply(Discovered, new TransitRouterNetworks(Shanghai, "tr-sh2"));

        Assert.Equal(["vpc-sh2 -> cri-hz", "vpc-sh3 -> cri-hz"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Fact]
    public void A_vpc_on_two_routers_is_left_out_of_the_later_ones_shard()
    {
        var scoped = Scoping.Apply(Discovered, new TransitRouterNetworks(Shanghai, "tr-sh"));

        Assert.Equal(["idc-sh -> cri-sh"], Rules(scoped));
    }

    [Fact]
    public void Shard_of_no_router_keeps_the_regions_unattached_vpcs_only()
    {
        var scoped = Scoping.Apply(Discovered, new TransitRouterNetworks(Shanghai, null));

        Assert.Equal(["vpc-sh4 -> cri-sh"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Shard_of_a_router_in_another_region_keeps_no_rule()
    {
        var scoped = Scoping.Apply(Discovered, new TransitRouterNetworks(Hangzhou, "tr-sh2"));

        Assert.Empty(scoped.Account.Policy.Reach);
    }

    [Fact]
    public void Rules_for_unknown_networks_are_in_no_region_but_still_name_their_registry()
    {
        var discovered = Discovered with
        {
            Account = Account with { Policy = Account.Policy with { Reach = [Rule(ReachSource.ForVpc("vpc-gone"), "cri-hz"), Rule(ReachSource.ForDataCenter("idc-gone"), "cri-hz")] } },
        };

        Assert.Equal(["vpc-sh2 -> cri-hz"], Rules(Scoping.Apply(discovered, new RegionNetworks(Shanghai))));
        Assert.Empty(Rules(Scoping.Apply(discovered, new TransitRouterNetworks(Shanghai, null))));
        Assert.Equal(["idc-gone -> cri-hz", "vpc-gone -> cri-hz", "vpc-sh2 -> cri-hz"], Rules(Scoping.Apply(discovered, new RegistryNetworks(null, Hangzhou))));
    }

    [Theory]
    [InlineData("tr-attach-c", null, "vpc-sh3")]
    [InlineData(null, "vpc-sh3", "vpc-sh3")]
    [InlineData("tr-attach-d", null, "idc-sh")]
    [InlineData(null, "vbr-bj", "idc-bj")]
    public void Attachment_scopes_to_the_network_behind_it(string? attachmentId, string? networkId, string source)
    {
        var scoped = Scoping.Apply(Discovered, new AttachmentNetwork(null, attachmentId, networkId, null, null));

        Assert.Same(Account, scoped.Account);
        Assert.Equal(PlanScope.ForSource(source), scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Fact]
    public void Attachment_matches_every_field_the_event_gave()
    {
        var onOtherRouter = Scoping.Apply(Discovered, new AttachmentNetwork(AttachmentType.Vbr, "tr-attach-d", null, "tr-bj", null));
        var onItsRouter = Scoping.Apply(Discovered, new AttachmentNetwork(AttachmentType.Vbr, "tr-attach-d", null, "tr-sh", null));

        Assert.Empty(onOtherRouter.Account.Policy.Reach);
        Assert.False(onOtherRouter.CanPrune);
        Assert.Equal(PlanScope.ForSource("idc-sh"), onItsRouter.PlanScope);
    }

    [Theory]
    [InlineData(AttachmentType.Peer, "tr-attach-f", null, null)]
    [InlineData(null, "tr-attach-f", null, null)]
    [InlineData(AttachmentType.Peer, "tr-attach-f", "tr-hz", "tr-sh")]
    [InlineData(AttachmentType.Peer, "tr-attach-f", "tr-sh", "tr-hz")]
    [InlineData(AttachmentType.Peer, null, "tr-sh", "tr-hz")]
    public void Peer_attachment_keeps_the_networks_of_both_its_routers_regions_whichever_side_the_event_names(AttachmentType? type, string? attachmentId, string? peerRouter, string? router)
    {
        var scoped = Scoping.Apply(Discovered, new AttachmentNetwork(type, attachmentId, peerRouter, router, null));

        Assert.Equal(["idc-sh -> cri-sh", "vpc-hz1 -> cri-gone", "vpc-hz1 -> cri-sh", "vpc-sh2 -> cri-hz", "vpc-sh3 -> cri-hz", "vpc-sh4 -> cri-sh"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Theory]
    [InlineData("tr-attach-unknown", null, null)]
    [InlineData("tr-attach-f", "tr-bj", null)]
    [InlineData(null, "tr-sh", "tr-bj")]
    public void Peer_attachment_not_found_keeps_no_rule(string? attachmentId, string? peerRouter, string? router)
    {
        var scoped = Scoping.Apply(Discovered, new AttachmentNetwork(AttachmentType.Peer, attachmentId, peerRouter, router, null));

        Assert.Empty(scoped.Account.Policy.Reach);
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Vpc_attachment_not_yet_discovered_still_names_its_vpc()
    {
        var scoped = Scoping.Apply(Discovered, new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-new", "vpc-new", null, null));

        Assert.Equal(PlanScope.ForSource("vpc-new"), scoped.PlanScope);
        Assert.True(scoped.CanPrune);
    }

    [Theory]
    [InlineData(null, "tr-attach-new", null)]
    [InlineData(AttachmentType.Vbr, null, "vbr-new")]
    [InlineData(null, null, "vpc-new")]
    public void Unknown_attachment_of_unknown_network_reconciles_nothing(AttachmentType? type, string? attachmentId, string? networkId)
    {
        var scoped = Scoping.Apply(Discovered, new AttachmentNetwork(type, attachmentId, networkId, null, null));

        Assert.Empty(scoped.Account.Policy.Reach);
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Attachments_run_together_keep_the_rules_of_every_network_behind_them()
    {
        var scoped = Scoping.Apply(Discovered, new AttachedNetworks(
        [
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-c", "vpc-sh3", "tr-sh2", Shanghai),
            new AttachmentNetwork(AttachmentType.Vbr, "tr-attach-e", null, null, null),
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-new", "vpc-new", null, null),
            new AttachmentNetwork(null, "tr-attach-unknown", null, null, null),
        ]));

        Assert.Equal(["idc-bj -> cri-hz", "vpc-sh3 -> cri-hz"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Fact]
    public void Attachments_run_together_with_a_peer_among_them_keep_its_regions_networks_and_the_others()
    {
        var scoped = Scoping.Apply(Discovered, new AttachedNetworks(
        [
            new AttachmentNetwork(AttachmentType.Vbr, "tr-attach-e", null, null, null),
            new AttachmentNetwork(AttachmentType.Peer, "tr-attach-f", null, null, null),
        ]));

        Assert.Equal(["idc-bj -> cri-hz", "idc-sh -> cri-sh", "vpc-hz1 -> cri-gone", "vpc-hz1 -> cri-sh", "vpc-sh2 -> cri-hz", "vpc-sh3 -> cri-hz", "vpc-sh4 -> cri-sh"], Rules(scoped));
        AssertNarrowed(scoped);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("one network")]
    [InlineData("region")]
    public void A_partially_read_account_never_prunes(string which)
    {
        ReconcileScope scope = which switch
        {
            "account" => WholeAccount.Instance,
            "one network" => new OneNetwork("vpc-sh2"),
            _ => new RegionNetworks(Shanghai),
        };

        Assert.False(Scoping.Apply(Discovered with { IsPartial = true }, scope).CanPrune);
    }

    [Fact]
    public void A_vpc_scope_reads_the_paths_of_that_vpc()
    {
        var one = Assert.IsType<NetworkFocus>(Scoping.FocusOf(new ReconcileRequest(new OneNetwork("vpc-sh2", "cri-hz"), "test", ReconcileMode.Repair)));
        var attached = Assert.IsType<NetworkFocus>(Scoping.FocusOf(new ReconcileRequest(new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-sh2", "vpc-sh2", "tr-sh2", Shanghai), "test", ReconcileMode.Repair)));

        Assert.Equal(("vpc-sh2", null, "cri-hz"), (one.VpcId, one.Region, one.Registry));
        Assert.Equal(("vpc-sh2", Shanghai, null), (attached.VpcId, attached.Region, attached.Registry));
        // The footprint is the scope's: vpc-sh2 toward cri-hz, which has no endpoint here, so nothing beyond is consulted.
        Assert.Empty(one.Footprint(Discovered).TransitLookUps);
    }

    [Fact]
    public void Data_center_and_shard_scopes_read_their_paths_too()
    {
        Assert.IsType<DataCenterFocus>(Scoping.FocusOf(new ReconcileRequest(new OneNetwork("idc-bj"), "test", ReconcileMode.Repair)));
        Assert.IsType<DataCenterFocus>(Scoping.FocusOf(new ReconcileRequest(new AttachmentNetwork(AttachmentType.Vbr, "tr-attach-idc", null, null, null), "test", ReconcileMode.Repair)));
        Assert.Equal(Shanghai, Assert.IsType<RegionFocus>(Scoping.FocusOf(new ReconcileRequest(new RegionNetworks(Shanghai), "sweep", ReconcileMode.ReportOnly))).Region);
        Assert.Equal(Shanghai, Assert.IsType<RegionFocus>(Scoping.FocusOf(new ReconcileRequest(new TransitRouterNetworks(Shanghai, "tr-sh2"), "sweep", ReconcileMode.ReportOnly))).Region);
    }

    [Fact]
    public void A_peer_attachment_reads_the_regions_of_the_two_routers_it_joins()
    {
        var focus = Assert.IsType<PeerFocus>(Scoping.FocusOf(new ReconcileRequest(new AttachmentNetwork(AttachmentType.Peer, "tr-attach-f", "tr-hz", "tr-sh", Shanghai), "test", ReconcileMode.Repair)));
        var unknown = Assert.IsType<PeerFocus>(Scoping.FocusOf(new ReconcileRequest(new AttachmentNetwork(AttachmentType.Peer, "tr-attach-new", null, null, null), "test", ReconcileMode.Repair)));

        Assert.Equal([Hangzhou, Shanghai], focus.Regions(Discovered).AsEnumerable());
        Assert.Empty(unknown.Regions(Discovered));
    }

    [Fact]
    public void A_burst_with_a_peer_attachment_reads_its_vpcs_and_the_peers_regions()
    {
        var burst = new AttachedNetworks(
        [
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-a", "vpc-bj9", "tr-bj", Beijing),
            new AttachmentNetwork(AttachmentType.Peer, "tr-attach-f", "tr-hz", "tr-sh", Shanghai),
        ]);

        var focus = Assert.IsType<NetworksFocus>(Scoping.FocusOf(new ReconcileRequest(burst, "test", ReconcileMode.Repair)));

        Assert.Equal(["vpc-bj9"], focus.Vpcs.Select(v => v.VpcId));
        Assert.Equal([Hangzhou, Shanghai], focus.Peers!.Regions(Discovered).AsEnumerable());
        Assert.Equal(Rules(Scoping.Apply(Discovered, burst)), focus.Peers.Rules(Discovered).Select(r => $"{r.From.Name} -> {r.Registry}"));
    }

    [Fact]
    public void Unbounded_scopes_prunes_and_rollbacks_read_the_account()
    {
        Assert.Null(Scoping.FocusOf(new ReconcileRequest(WholeAccount.Instance, "test", ReconcileMode.Repair)));
        Assert.Null(Scoping.FocusOf(new ReconcileRequest(new RegistryNetworks("cri-hz", null), "test", ReconcileMode.Repair)));
        Assert.Null(Scoping.FocusOf(new ReconcileRequest(new OneNetwork("vpc-sh2"), "test", ReconcileMode.Repair, Prune: true)));
        Assert.Null(Scoping.FocusOf(new ReconcileRequest(new OneNetwork("vpc-sh2"), "test", ReconcileMode.Repair, Prune: true, RollbackOf: "run-1")));
    }

    // A narrowed account plans everything of a policy holding the kept rules (the tags already folded in) and cannot prune.
    private static void AssertNarrowed(ScopedAccount scoped)
    {
        Assert.Equal(PlanScope.Everything, scoped.PlanScope);
        Assert.False(scoped.CanPrune);
        Assert.All(scoped.Account.Vpcs, v => Assert.False(v.Tags.ContainsKey(ReachRules.TagKey)));
        Assert.Equal(Account.Vpcs.Select(v => v.Id), scoped.Account.Vpcs.Select(v => v.Id));
        Assert.Equal(ReachRules.Effective(scoped.Account).AsEnumerable(), scoped.Account.Policy.Reach.AsEnumerable());
    }

    private static IEnumerable<string> Rules(ScopedAccount scoped) =>
        scoped.Account.Policy.Reach.Select(r => $"{r.From.Name} -> {r.Registry}");

    private static ReachRule Rule(ReachSource from, string registry) => new(from, registry);

    private static Core.Topology.Vpc Vpc(string id, string region, string? tag = null) => new(
        id,
        region,
        [],
        tag is null ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal) : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(ReachRules.TagKey, tag).Add("team", "a"),
        [],
        []);

    private static Registry Registry(string id, string region) => new(id, id, region, [], false, null, null);
}
