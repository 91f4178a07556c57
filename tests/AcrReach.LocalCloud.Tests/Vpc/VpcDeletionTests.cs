using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Vpc;

/// <summary>Deleting a VPC the way a person does: its vSwitches, its attachment, then the VPC itself.</summary>
public sealed class VpcDeletionTests
{
    private static Dictionary<string, string> Sh2(string vpcId = "vpc-sh2") => P("RegionId", "cn-shanghai", "VpcId", vpcId);

    private static async Task DetachAsync(Cloud cloud) =>
        Assert.Equal(HttpStatusCode.OK, (await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterVpcAttachment", P("TransitRouterAttachmentId", "tr-attach-sh2"))).Status);

    private static async Task DeleteSwitchesAsync(Cloud cloud)
    {
        foreach (var id in new[] { "vsw-sh-m", "vsw-sh-n" })
        {
            Assert.Equal(HttpStatusCode.OK, (await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVSwitch", P("RegionId", "cn-shanghai", "VSwitchId", id))).Status);
        }
    }

    [Fact]
    public async Task DeleteVpc_refuses_while_the_vpc_has_vswitches()
    {
        await using var cloud = await Cloud.StartAsync();
        await DetachAsync(cloud);

        var refused = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", Sh2());

        Assert.Equal("DependencyViolation.VSwitch", refused.Code);
        Assert.NotNull(cloud.Server.Snapshot().FindVpc("vpc-sh2"));
    }

    [Fact]
    public async Task DeleteVpc_refuses_while_a_transit_router_attaches_the_vpc()
    {
        await using var cloud = await Cloud.StartAsync();
        await DeleteSwitchesAsync(cloud);

        var refused = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", Sh2());

        Assert.Equal("DependencyViolation.Instance", refused.Code);
        Assert.NotNull(cloud.Server.Snapshot().FindVpc("vpc-sh2"));
    }

    [Fact]
    public async Task DeleteVpc_removes_the_vpc_and_its_route_tables_once_nothing_depends_on_it()
    {
        await using var cloud = await Cloud.StartAsync();
        await DetachAsync(cloud);
        await DeleteSwitchesAsync(cloud);

        var deleted = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", Sh2());
        var tables = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-shanghai", "RouteTableId", "vtb-sh2"));
        var again = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", Sh2());

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        var snapshot = cloud.Server.Snapshot();
        Assert.Null(snapshot.FindVpc("vpc-sh2"));
        Assert.DoesNotContain(snapshot.Vpcs.SelectMany(v => v.RouteTables), t => t.Id == "vtb-sh2");
        Assert.Equal("InvalidRouteTableId.NotFound", tables.Code);
        Assert.Equal("InvalidVpcId.NotFound", again.Code);
    }

    [Fact]
    public async Task DeleteVpc_with_dry_run_checks_and_keeps_the_vpc()
    {
        await using var cloud = await Cloud.StartAsync();
        await DetachAsync(cloud);
        await DeleteSwitchesAsync(cloud);
        var parameters = Sh2();
        parameters["DryRun"] = "true";

        var dryRun = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", parameters);

        Assert.Equal("DryRunOperation", dryRun.Code);
        Assert.NotNull(cloud.Server.Snapshot().FindVpc("vpc-sh2"));
    }

    [Fact]
    public async Task DeleteVpc_in_another_region_does_not_find_it()
    {
        await using var cloud = await Cloud.StartAsync();

        var wrongRegion = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVpc", P("RegionId", "cn-hangzhou", "VpcId", "vpc-sh2"));

        Assert.Equal("InvalidVpcId.NotFound", wrongRegion.Code);
    }

    [Fact]
    public async Task DeleteVSwitch_removes_the_vswitch_and_refuses_one_a_registry_endpoint_sits_in()
    {
        await using var cloud = await Cloud.StartAsync();
        var endpointSwitch = Assert.Single(cloud.Server.Snapshot().Registries.SelectMany(r => r.VpcEndpoints)).VswitchId;

        var deleted = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVSwitch", P("RegionId", "cn-shanghai", "VSwitchId", "vsw-sh-m"));
        var refused = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVSwitch", P("VSwitchId", endpointSwitch));
        var unknown = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteVSwitch", P("RegionId", "cn-shanghai", "VSwitchId", "vsw-sh-m"));

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(["vsw-sh-n"], cloud.Server.Snapshot().FindVpc("vpc-sh2")!.VSwitches.Select(s => s.Id));
        Assert.Equal("DependencyViolation", refused.Code);
        Assert.Equal("InvalidVSwitchId.NotFound", unknown.Code);
    }
}
