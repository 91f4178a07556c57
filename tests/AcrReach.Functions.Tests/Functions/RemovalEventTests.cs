using System.Text.Json.Nodes;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

// Deletions and reach-tag changes, with a recording engine double; on the local cloud: EndToEnd/RemovalEventsOnLocalCloudTests.
public sealed class RemovalEventTests
{
    public static TheoryData<FunctionKind, string, ReconcileScope, string> Deletions => new()
    {
        { FunctionKind.OnAttachment, "attachment-vpc-deleted.json", new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-uf6vpc0001abcd", null, null, "cn-shanghai"), Triggers.OnAttachment },
        { FunctionKind.OnAttachment, "vpc-deleted.json", new OneNetwork("vpc-uf6consumer0001"), Triggers.OnAttachment },
        { FunctionKind.OnAttachment, "vpc-tag-removed.json", new OneNetwork("vpc-uf6consumer0001"), Triggers.OnAttachment },
        { FunctionKind.OnRegistry, "registry-deleted.json", new RegistryNetworks("cri-hz0registry0001", "cn-hangzhou"), Triggers.OnRegistry },
    };

    [Theory]
    [MemberData(nameof(Deletions))]
    public async Task A_deletion_starts_a_run_of_its_scope_that_only_reports_its_removals_when_pruning_is_off(FunctionKind function, string file, ReconcileScope scope, string trigger)
    {
        await using var host = await HostUnderTest.StartAsync(function);

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(scope, request.Scope);
        Assert.Equal(trigger, request.Trigger);
        Assert.Equal(ReconcileMode.ReportOnly, request.Mode);
        Assert.True(request.Prune, "the removals are planned, to be reported");
        Assert.Equal(TimeSpan.Zero, request.ReadyTimeout);
    }

    [Theory]
    [MemberData(nameof(Deletions))]
    public async Task A_deletion_applies_its_removals_when_the_deployment_prunes(FunctionKind function, string file, ReconcileScope scope, string trigger)
    {
        await using var host = await HostUnderTest.StartAsync(function, config => config with { SweepPrune = true });

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(scope, request.Scope);
        Assert.Equal(trigger, request.Trigger);
        Assert.Equal(ReconcileMode.Repair, request.Mode);
        Assert.True(request.Prune);
        Assert.Equal(TimeSpan.Zero, request.ReadyTimeout);
    }

    [Fact]
    public async Task A_reach_tag_set_repairs_its_vpc_and_prunes_only_when_the_deployment_does()
    {
        var body = Tagging("TagResources", "acr-reach");
        await using var quiet = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        await using var pruning = await HostUnderTest.StartAsync(FunctionKind.OnAttachment, config => config with { SweepPrune = true });

        using var first = await quiet.InvokeAsync(body);
        using var second = await pruning.InvokeAsync(body);

        var (plain, pruned) = (Assert.Single(quiet.Engine.Reconciles), Assert.Single(pruning.Engine.Reconciles));
        Assert.Equal((new OneNetwork("vpc-uf6consumer0001"), ReconcileMode.Repair, false), (plain.Scope, plain.Mode, plain.Prune));
        Assert.Equal((new OneNetwork("vpc-uf6consumer0001"), ReconcileMode.Repair, true), (pruned.Scope, pruned.Mode, pruned.Prune));
    }

    [Theory]
    [InlineData("UnTagResources", "team")]
    [InlineData("TagResources", "cost-center")]
    public async Task Ignores_a_tag_change_of_another_key(string eventName, string key)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment, config => config with { SweepPrune = true });

        using var response = await host.InvokeAsync(Tagging(eventName, key));

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
        Assert.Contains("does not change the acr-reach tag", (await response.JsonAsync()).GetProperty("ignored")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignores_a_reach_tag_removed_from_something_that_is_not_a_vpc()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment, config => config with { SweepPrune = true });
        var untag = EventFiles.Node("vpc-tag-removed.json");
        var parameters = untag["data"]!["requestParameters"]!;
        parameters["ResourceType"] = "instance";
        parameters["ResourceId.1"] = "i-uf6notavpc0001";
        untag["data"]!["referencedResources"] = new JsonObject();
        untag["subject"] = "acs:ecs:cn-shanghai:1234567890123456:instance/i-uf6notavpc0001";

        using var response = await host.InvokeAsync(untag.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Ignores_a_deletion_that_failed()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry, config => config with { SweepPrune = true });
        var failed = EventFiles.Node("registry-deleted.json");
        failed["data"]!["errorCode"] = "Forbidden.RAM";

        using var response = await host.InvokeAsync(failed.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task A_registry_deletion_naming_no_instance_looks_at_the_whole_account()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);
        var deleted = EventFiles.Node("registry-deleted.json");
        var text = deleted.ToJsonString().Replace("cri-hz0registry0001", "unknown", StringComparison.Ordinal);

        using var response = await host.InvokeAsync(text);

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(WholeAccount.Instance, Assert.Single(host.Engine.Reconciles).Scope);
    }

    private static string Tagging(string eventName, string key)
    {
        var tagging = EventFiles.Node("vpc-tag-removed.json");
        tagging["data"]!["eventName"] = eventName;
        tagging["data"]!["requestParameters"]!.AsObject().Remove("TagKey.1");
        tagging["data"]!["requestParameters"]![eventName == "TagResources" ? "Tag.1.Key" : "TagKey.1"] = key;
        if (eventName == "TagResources")
        {
            tagging["data"]!["requestParameters"]!["Tag.1.Value"] = "cri-hz0registry0001";
        }

        return tagging.ToJsonString();
    }
}
