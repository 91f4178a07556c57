using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Cr;

/// <summary>Deleting what AcrReach's runs depend on: a registry instance, a VPC link, a VPC attachment, a PrivateZone record.</summary>
public sealed class CrDeletionTests
{
    [Fact]
    public async Task DeleteInstance_removes_the_registry_and_a_second_delete_says_it_does_not_exist()
    {
        await using var cloud = await Cloud.StartAsync();

        var deleted = await cloud.Client.Acs3(CloudClient.Cr, "DeleteInstance", P("RegionId", "cn-hangzhou", "InstanceId", "cri-xxxxxx"));
        var again = await cloud.Client.Acs3(CloudClient.Cr, "DeleteInstance", P("RegionId", "cn-hangzhou", "InstanceId", "cri-xxxxxx"));

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Json.GetProperty("IsSuccess").GetBoolean());
        Assert.Empty(cloud.Server.Snapshot().Registries);
        Assert.Equal("INSTANCE_NOT_EXIST", again.Code);
    }

    [Fact]
    public async Task DeleteTransitRouterVpcAttachment_detaches_the_vpc_and_refuses_while_static_routes_point_at_it_unless_forced()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", P("TransitRouterRouteTableId", "vtb-trsh", "TransitRouterRouteEntryDestinationCidrBlock", "100.0.0.0/8", "TransitRouterRouteEntryNextHopType", "Attachment", "TransitRouterRouteEntryNextHopId", "tr-attach-sh2"));
        cloud.Wait();

        var refused = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterVpcAttachment", P("TransitRouterAttachmentId", "tr-attach-sh2"));
        var forced = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterVpcAttachment", P("TransitRouterAttachmentId", "tr-attach-sh2", "Force", "true"));
        var unknown = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterVpcAttachment", P("TransitRouterAttachmentId", "tr-attach-sh2"));

        Assert.Equal("IncorrectStatus.RouteEntryExists", refused.Code);
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        var router = cloud.Server.Snapshot().FindTransitRouter("tr-sh")!;
        Assert.DoesNotContain(router.Attachments, a => a.Id == "tr-attach-sh2");
        Assert.DoesNotContain(router.RouteTables.SelectMany(t => t.Entries), e => e.NextHopId == "tr-attach-sh2");
        Assert.Equal("InvalidTransitRouterAttachmentId.NotFound", unknown.Code);
    }
}
