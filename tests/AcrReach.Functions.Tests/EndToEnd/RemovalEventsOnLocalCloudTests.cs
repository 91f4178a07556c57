using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>Deletion events with the real engine on the local cloud: the seed applied, something taken away behind AcrReach's back, the event delivered.</summary>
public sealed class RemovalEventsOnLocalCloudTests
{
    private static string SeedEvent(string file) =>
        CloudRig.Event(file, ("tr-attach-uf6vpc0001abcd", "tr-attach-sh2"), ("vpc-uf6consumer0001", "vpc-sh2"), ("cri-hz0registry0001", "cri-xxxxxx"));

    [Fact]
    public async Task The_reach_tag_removed_with_pruning_on_removes_the_four_routes_and_the_message_lists_them()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: c => c with { SweepPrune = true });
        await ApplySeedAsync(rig);
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");

        using var response = await rig.InvokeAsync(SeedEvent("vpc-tag-removed.json"), "r-untag");

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Repaired", report.GetProperty("outcome").GetString());
        Assert.Equal(4, report.GetProperty("applied").GetInt32());
        Assert.Empty(rig.MarkedRoutes());
        var message = rig.Messages()[^1];
        Assert.Equal("vpc-sh2", (string?)message["scope"]);
        var removals = message["steps"]!.AsArray().Where(s => ((string?)s!["action"]!["kind"])!.StartsWith("Delete", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, removals.Count);
        Assert.All(removals, s => Assert.StartsWith("tag removed:", (string?)s!["action"]!["reason"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reach_tag_removed_with_pruning_off_removes_nothing_and_reports_the_removals()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        await ApplySeedAsync(rig);
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.ResetCalls();

        using var response = await rig.InvokeAsync(SeedEvent("vpc-tag-removed.json"), "r-untag");

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
        var report = await response.RunReportAsync();
        Assert.Equal("DriftReported", report.GetProperty("outcome").GetString());
        Assert.Equal(4, report.GetProperty("skipped").GetInt32());
        var message = rig.Messages()[^1];
        Assert.Equal(4, message["plan"]!["actions"]!.AsArray().Count(a => (string?)a!["kind"] is "DeleteVpcRoute" or "DeleteTransitRoute"));
    }

    [Fact]
    public async Task The_registry_deleted_with_pruning_on_removes_its_routes()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnRegistry, configure: c => c with { SweepPrune = true });
        await ApplySeedAsync(rig, FunctionKind.OnRegistry);
        await BehindTheBack.DeleteRegistryAsync(rig.Factory, "cn-hangzhou", "cri-xxxxxx");

        using var response = await rig.InvokeAsync(SeedEvent("registry-deleted.json"), "r-deleted");

        Assert.Equal("200", response.FcStatus());
        Assert.Empty(rig.MarkedRoutes());
        var removals = rig.Messages()[^1]["steps"]!.AsArray().Where(s => ((string?)s!["action"]!["kind"])!.StartsWith("Delete", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, removals.Count);
        Assert.All(removals, s => Assert.StartsWith("registry deleted:", (string?)s!["action"]!["reason"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_attachment_deleted_with_pruning_on_removes_the_routes_made_for_its_vpc()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: c => c with { SweepPrune = true });
        await ApplySeedAsync(rig);
        await BehindTheBack.DeleteVpcAttachmentAsync(rig.Factory, "cn-shanghai", "tr-attach-sh2", force: false);

        using var response = await rig.InvokeAsync(SeedEvent("attachment-vpc-deleted.json"), "r-detached");

        Assert.Equal("200", response.FcStatus());
        Assert.Empty(rig.MarkedRoutes());
        Assert.Contains("tr-attach-sh2", (string?)rig.Messages()[^1]["scope"], StringComparison.Ordinal);
    }

    /// <summary>The seed applied through the rig's own function, by the creation event it takes.</summary>
    private static async Task ApplySeedAsync(CloudRig rig, FunctionKind function = FunctionKind.OnAttachment)
    {
        using var created = await rig.InvokeAsync(
            function == FunctionKind.OnAttachment ? CloudRig.SeedAttachmentEvent() : CloudRig.Event("registry-created.json", ("cri-hz0registry0001", "cri-xxxxxx")),
            "r-seed");
        Assert.Equal("200", created.FcStatus());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
    }
}
