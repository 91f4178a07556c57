using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>
/// A source VPC deleted the way a person must on the real API (its attachment and vSwitches first, then DeleteVpc), and
/// the DeleteVpc event delivered to the on-attachment function with the real engine on the local cloud.
/// </summary>
public sealed class VpcDeletedOnLocalCloudTests
{
    /// <summary>What is left of the seed's AcrReach routes once vpc-sh2 (and vtb-sh2 with it) is gone: the two /8s that only served it.</summary>
    private static readonly string[] RoutesOnlyForSh2 =
    [
        "vtb-trhz 100.0.0.0/8 -> tr-attach-hz1",
        "vtb-trsh 100.0.0.0/8 -> tr-attach-peer",
    ];

    private static string DeletedEvent() =>
        CloudRig.Event("vpc-deleted.json", ("vpc-uf6consumer0001", "vpc-sh2"));

    [Fact]
    public async Task With_pruning_off_the_run_reports_the_routes_made_for_it_and_writes_nothing()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        await ApplySeedAndDeleteSh2Async(rig);
        var before = AllRoutes(rig.Cloud.Snapshot());
        rig.Cloud.ResetCalls();

        using var response = await rig.InvokeAsync(DeletedEvent(), "r-vpc-deleted");

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(before, AllRoutes(rig.Cloud.Snapshot()));
        var report = await response.RunReportAsync();
        Assert.Equal("DriftReported", report.GetProperty("outcome").GetString());
        var removals = rig.Messages()[^1]["plan"]!["actions"]!.AsArray().Where(a => (string?)a!["kind"] is "DeleteVpcRoute" or "DeleteTransitRoute").ToList();
        Assert.Equal(RoutesOnlyForSh2, removals.Select(a => $"{(string?)a!["routeTableId"]} {(string?)a["destination"]} -> {(string?)a["nextHopId"]}").Order(StringComparer.Ordinal));
        Assert.All(removals, a => Assert.StartsWith("source gone:", (string?)a!["reason"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_pruning_on_the_routes_made_for_it_are_removed_and_every_other_route_is_untouched()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: c => c with { SweepPrune = true });
        await ApplySeedAndDeleteSh2Async(rig);
        var before = AllRoutes(rig.Cloud.Snapshot());

        using var response = await rig.InvokeAsync(DeletedEvent(), "r-vpc-deleted");

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Repaired", report.GetProperty("outcome").GetString());
        Assert.Empty(rig.MarkedRoutes());
        var removed = before.Except(AllRoutes(rig.Cloud.Snapshot())).ToList();
        Assert.Equal(RoutesOnlyForSh2, removed.Select(r => r[..r.IndexOf(" [", StringComparison.Ordinal)]));
        Assert.Equal(before.Count - RoutesOnlyForSh2.Length, AllRoutes(rig.Cloud.Snapshot()).Count);
        Assert.Equal("vpc-sh2", (string?)rig.Messages()[^1]["scope"]);
    }

    /// <summary>The seed applied, then vpc-sh2 taken apart through the local cloud's API in the order the real one demands.</summary>
    private static async Task ApplySeedAndDeleteSh2Async(CloudRig rig)
    {
        using var created = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), "r-seed");
        Assert.Equal("200", created.FcStatus());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());

        await BehindTheBack.DeleteVpcAttachmentAsync(rig.Factory, "cn-shanghai", "tr-attach-sh2", force: false);
        await BehindTheBack.DeleteVSwitchAsync(rig.Factory, "cn-shanghai", "vsw-sh-m");
        await BehindTheBack.DeleteVSwitchAsync(rig.Factory, "cn-shanghai", "vsw-sh-n");
        await BehindTheBack.DeleteVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2");

        var account = rig.Cloud.Snapshot();
        Assert.Null(account.FindVpc("vpc-sh2"));
        Assert.NotNull(account.FindRegistry("cri-xxxxxx"));
        Assert.Equal(RoutesOnlyForSh2, rig.MarkedRoutes());
    }

    /// <summary>Every route on the account, marked or not, with its next hop type and description, sorted.</summary>
    private static List<string> AllRoutes(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Select(e => $"{t.Id} {Core.Addressing.Cidr.Format(e.Destination)} -> {e.NextHopId} [{e.NextHopType} {e.Name} {e.Description}]"))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Select(e => $"{t.Id} {Core.Addressing.Cidr.Format(e.Destination)} -> {e.NextHopId} [{e.NextHopType} {e.Origin} {e.Name} {e.Description}]")))
            .Order(StringComparer.Ordinal)];
}
