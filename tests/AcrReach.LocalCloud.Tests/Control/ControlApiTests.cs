using System.Net;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Control;

public sealed class ControlApiTests
{
    [Fact]
    public async Task State_is_a_scenario_that_reads_back_to_the_same_state()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", P("RouteTableId", "vtb-sh2", "DestinationCidrBlock", "100.103.7.181/32", "NextHopType", "Attachment", "NextHopId", "tr-attach-sh2", "RouteEntryName", "acr-reach", "Description", "acr-reach: auth"));
        await cloud.Client.Acs3(CloudClient.Pvtz, "AddZone", P("ZoneName", "example.internal"));

        var state = await cloud.Client.Control(HttpMethod.Get, "state");
        var account = ScenarioReader.Read(state.Body, "state");

        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Equal(state.Body, ScenarioWriter.Write(account));
        var route = account.FindVpc("vpc-sh2")!.RouteTables[0].Entries.Single(e => e.Destination.ToString() == "100.103.7.181/32");
        Assert.Equal(("acr-reach", "acr-reach: auth"), (route.Name, route.Description));
        Assert.Equal("cri-xxxxxx", account.FindVpc("vpc-sh2")!.Tags["acr-reach"]);
        Assert.Equal("example.internal", Assert.Single(account.PrivateZones).Name);
    }

    [Fact]
    public async Task Seeded_state_round_trips_unchanged_apart_from_the_policy_tags()
    {
        var scenario = Cloud.Scenario();
        await using var cloud = await Cloud.StartAsync();

        var snapshot = cloud.Server.Snapshot();

        var untagged = snapshot with { Vpcs = [.. snapshot.Vpcs.Select(v => v with { Tags = v.Tags.Remove("acr-reach") })] };
        Assert.Equal(ScenarioWriter.Write(scenario), ScenarioWriter.Write(untagged));
    }

    [Fact]
    public async Task Policy_is_the_scenarios_policy_as_a_policy_file()
    {
        var scenario = Cloud.Scenario();
        var account = scenario with
        {
            Policy = scenario.Policy with { TransitRouteScope = AcrReach.Core.Topology.TransitRouteScope.HostRoutes, OssRouteScope = AcrReach.Core.Topology.OssRouteScope.PublishedRanges },
        };
        await using var cloud = await Cloud.StartAsync(account: account);

        var policy = await cloud.Client.Control(HttpMethod.Get, "policy");
        var settings = ScenarioReader.ReadPolicy(System.Text.Encoding.UTF8.GetBytes(policy.Body), "policy");

        Assert.Equal(HttpStatusCode.OK, policy.Status);
        Assert.Equal(["dataCenters", "policy"], policy.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(account.Policy.TransitRouteScope, settings.Policy.TransitRouteScope);
        Assert.Equal(account.Policy.OssRouteScope, settings.Policy.OssRouteScope);
        Assert.Equal(account.Policy.Reach.Select(r => r.ToString()), settings.Policy.Reach.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Calls_are_counted_per_action_and_can_be_reset()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou"));
        await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou"), c => c.Secret = "wrong");
        await cloud.Client.Rpc(CloudClient.Cbn, "ListTransitRouters");

        var counted = await cloud.Client.Control(HttpMethod.Get, "calls");
        var reset = await cloud.Client.Control(HttpMethod.Delete, "calls");
        var after = await cloud.Client.Control(HttpMethod.Get, "calls");

        Assert.Equal(2, counted.Json.GetProperty("DescribeVpcs").GetInt32());
        Assert.Equal(1, counted.Json.GetProperty("ListTransitRouters").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal("{}", after.Body);
    }

    [Fact]
    public async Task Faults_are_scripted_listed_and_cleared_over_http()
    {
        await using var cloud = await Cloud.StartAsync();

        var scheduled = await cloud.Client.Control(HttpMethod.Post, "faults", """{"action":"DescribeVpcs","count":1,"code":"Throttling.User","httpStatus":400}""");
        var failed = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou"));
        await cloud.Client.Control(HttpMethod.Post, "faults", """{"action":"AddZone","count":3,"code":"InternalError","httpStatus":500}""");
        var listed = await cloud.Client.Control(HttpMethod.Get, "faults");
        await cloud.Client.Control(HttpMethod.Delete, "faults");
        var addZone = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZone", P("ZoneName", "example.internal"));
        var invalid = await cloud.Client.Control(HttpMethod.Post, "faults", """{"action":"AddZone","count":0,"code":"X"}""");
        var malformed = await cloud.Client.Control(HttpMethod.Post, "faults", "{");

        Assert.Equal(HttpStatusCode.Created, scheduled.Status);
        Assert.Equal("Throttling.User", failed.Code);
        Assert.Equal(3, listed.Json.GetProperty("faults")[0].GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, addZone.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
    }

    [Fact]
    public async Task Resolve_answers_from_regional_endpoints_and_follows_changes()
    {
        await using var cloud = await Cloud.StartAsync();

        var before = await cloud.Client.Control(HttpMethod.Get, "resolve?region=cn-hangzhou&name=oss-cn-hangzhou-internal.aliyuncs.com");
        var moved = await cloud.Client.Control(HttpMethod.Put, "resolve", """{"region":"cn-hangzhou","name":"oss-cn-hangzhou-internal.aliyuncs.com","address":"100.118.31.7"}""");
        var after = await cloud.Client.Control(HttpMethod.Get, "resolve?region=cn-hangzhou&name=oss-cn-hangzhou-internal.aliyuncs.com");
        var unknown = await cloud.Client.Control(HttpMethod.Get, "resolve?region=cn-hangzhou&name=nowhere.example");
        var bad = await cloud.Client.Control(HttpMethod.Put, "resolve", """{"region":"cn-hangzhou","name":"x","address":"300.1.1.1"}""");

        Assert.Equal("100.118.28.43", before.Json.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.NoContent, moved.Status);
        Assert.Equal("100.118.31.7", after.Json.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("100.118.31.7", cloud.Server.Snapshot().RegionalEndpoints.Resolve("cn-hangzhou", "oss-cn-hangzhou-internal.aliyuncs.com")!.ToString());
    }

    [Theory]
    [InlineData(false, "https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth")]
    [InlineData(true, "https://xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com/auth")]
    public async Task Registry_v2_challenge_names_the_auth_realm(bool takeover, string realm)
    {
        var scenario = Cloud.Scenario();
        var registry = scenario.Registries[0];
        await using var cloud = await Cloud.StartAsync(account: scenario with { Registries = [registry with { AuthDomainTakeover = takeover }] });

        var answer = await cloud.Client.Control(HttpMethod.Get, "registry/cn-hangzhou/xxxxxx/v2/");
        var unknown = await cloud.Client.Control(HttpMethod.Get, "registry/cn-shanghai/xxxxxx/v2/");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal($"Bearer realm=\"{realm}\",service=\"registry.aliyuncs.com:cn-hangzhou:1234567890123456\"", answer.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Unknown_control_path_is_404_with_a_hint()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Control(HttpMethod.Get, "nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("README", answer.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
