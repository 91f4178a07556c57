using System.Net;
using System.Text.Json.Nodes;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

// The host's own behaviour, with a recording engine double; on the local cloud: EndToEnd/OnRegistryOnLocalCloudTests.
public sealed class OnRegistryTests
{
    [Theory]
    [InlineData("registry-created.json", "cri-hz0registry0001", "cn-hangzhou")]
    [InlineData("registry-vpc-endpoint-linked.json", "cri-hz0registry0001", "cn-hangzhou")]
    [InlineData("registry-created-no-id.json", null, "cn-beijing")]
    public async Task Reconciles_every_network_of_the_registry_after_waiting_for_it(string file, string? instanceId, string region)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(new RegistryNetworks(instanceId, region), request.Scope);
        Assert.Equal(Triggers.OnRegistry, request.Trigger);
        Assert.Equal(ReconcileMode.Repair, request.Mode);
        Assert.Equal(TimeSpan.FromMinutes(5), request.ReadyTimeout);
    }

    [Fact]
    public async Task Finds_the_instance_of_an_api_purchase_in_its_response_and_the_region_in_its_parameter_list()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);
        var purchase = Purchase("acr", new JsonObject { ["Code"] = "Success", ["Data"] = new JsonObject { ["InstanceId"] = "cri-sh0bought00001", ["OrderId"] = "2104330001" } });

        using var response = await host.InvokeAsync(purchase.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(new RegistryNetworks("cri-sh0bought00001", "cn-shanghai"), Assert.Single(host.Engine.Reconciles).Scope);
    }

    [Fact]
    public async Task Ignores_a_purchase_of_another_product()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);
        var purchase = Purchase("ecs", new JsonObject { ["Data"] = new JsonObject { ["InstanceId"] = "i-bp1notaregistry" } });

        using var response = await host.InvokeAsync(purchase.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
        Assert.Contains("not about Container Registry", (await response.JsonAsync()).GetProperty("ignored")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignores_an_attachment_event()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);

        using var response = await host.InvokeAsync(EventFiles.Read("attachment-vpc-created.json"));

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Handles_the_same_registry_event_twice_with_the_same_run_request()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);
        var body = EventFiles.Read("registry-vpc-endpoint-linked.json");

        using var first = await host.InvokeAsync(body, "r-1");
        using var second = await host.InvokeAsync(body, "r-2");

        Assert.Equal(["200", "200"], new[] { first.FcStatus(), second.FcStatus() });
        Assert.Single(host.Engine.Reconciles.Select(r => r.Scope).Distinct());
        Assert.Equal(2, host.Engine.Reconciles.Count);
    }

    /// <summary>An API purchase through BSS CreateInstance (cloud-apis.md §3.2); its event shape is unconfirmed.</summary>
    private static JsonNode Purchase(string productCode, JsonObject responseElements)
    {
        var purchase = EventFiles.Node("registry-created-no-id.json");
        var data = purchase["data"]!;
        data["eventName"] = "CreateInstance";
        data["eventType"] = "ApiCall";
        data["serviceName"] = "BssOpenApi";
        data["acsRegion"] = "cn-hangzhou";
        data["requestParameters"] = new JsonObject
        {
            ["ProductCode"] = productCode,
            ["ProductType"] = "acr_ee_public_cn",
            ["Parameter"] = new JsonArray(
                new JsonObject { ["Code"] = "InstanceType", ["Value"] = "Basic" },
                new JsonObject { ["Code"] = "Region", ["Value"] = "cn-shanghai" }),
        };
        data["responseElements"] = responseElements;
        purchase["source"] = "acs.bssopenapi";
        return purchase;
    }
}
