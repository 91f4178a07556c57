using System.Text.Json.Nodes;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Hardening;

// The outside review sent one 84 KB registry event naming 1,000 instances, and the host started 1,000 full runs.
public sealed class BoundedBatchTests
{
    [Fact]
    public async Task An_event_naming_a_thousand_registries_runs_at_most_the_cap_and_defers_the_rest_in_one_log_line()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);

        using var response = await host.InvokeAsync(RegistryEventNaming(1000));

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(HostConfig.DefaultMaxScopesPerInvocation, host.Engine.Reconciles.Count);
        var body = await response.JsonAsync();
        Assert.Equal(HostConfig.DefaultMaxScopesPerInvocation, body.GetProperty("runs").GetArrayLength());
        Assert.Equal(1000 - HostConfig.DefaultMaxScopesPerInvocation, body.GetProperty("deferred").GetArrayLength());
        Assert.Single(host.OutputLines, line => line.Contains("\"event.deferred\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_the_real_engine_a_thousand_scopes_publish_at_most_one_message_per_run_and_at_most_the_cap()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnRegistry, runOptions: runs => runs with { NotFoundGrace = TimeSpan.Zero });

        using var response = await rig.InvokeAsync(RegistryEventNaming(1000));

        var runs = (await response.JsonAsync()).GetProperty("runs").GetArrayLength();
        Assert.Equal(HostConfig.DefaultMaxScopesPerInvocation, runs);
        Assert.Equal(runs, rig.Messages().Count);
        Assert.Equal(0, rig.NetworkWriteCalls());
    }

    [Fact]
    public async Task The_cap_comes_from_the_configuration()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry, config => config with { MaxScopesPerInvocation = 3 });

        using var response = await host.InvokeAsync(RegistryEventNaming(10));

        Assert.Equal(3, host.Engine.Reconciles.Count);
        Assert.Equal(7, (await response.JsonAsync()).GetProperty("deferred").GetArrayLength());
    }

    [Fact]
    public async Task Every_registry_of_a_region_in_the_same_batch_covers_the_single_registries_there()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);
        var batch = new JsonArray(JsonNode.Parse(EventFiles.Read("registry-created.json")), JsonNode.Parse(EventFiles.Read("registry-created-no-id.json")), JsonNode.Parse(EventFiles.Read("registry-created.json")));
        ((JsonObject)batch[1]!["data"]!)["acsRegion"] = "cn-hangzhou";

        using var response = await host.InvokeAsync(batch.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal([new RegistryNetworks(null, "cn-hangzhou")], host.Engine.Reconciles.Select(r => r.Scope));
    }

    [Fact]
    public async Task No_run_starts_once_the_invocation_deadline_has_passed()
    {
        // A 6 s function keeps a 5 s margin: 1 s for the runs. The first run takes 2 s of the host's clock.
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry, config => config with { FunctionTimeout = TimeSpan.FromSeconds(6) });
        host.Engine.DuringReconcile = _ => host.Time.Advance(TimeSpan.FromSeconds(2));

        using var response = await host.InvokeAsync(RegistryEventNaming(5));

        Assert.Single(host.Engine.Reconciles);
        Assert.Equal(4, (await response.JsonAsync()).GetProperty("deferred").GetArrayLength());
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(host.Engine.ReconcileContexts).TimeLimit);
    }

    /// <summary>A registry event whose record names <paramref name="count"/> distinct instances (every cri- id in a record counts).</summary>
    internal static string RegistryEventNaming(int count)
    {
        var node = EventFiles.Node("registry-created.json");
        var ids = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create($"cri-batch{i:D5}")!)]);
        node["data"]!["referencedResources"]!["ACS::CR::Instance"] = ids;
        return node.ToJsonString();
    }
}
