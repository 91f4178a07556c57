using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>The service's own refusals through the client: one CloudApiException each, permanent, sent once, nothing changed.</summary>
public sealed class ServiceErrorTests : IAsyncLifetime
{
    private Rig _rig = null!;
    private string _before = null!;

    public async Task InitializeAsync()
    {
        _rig = await Rig.StartAsync();
        _before = _rig.State();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<CloudApiException> RefusedOnce(string action, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<CloudApiException>(call);
        Assert.False(error.IsTransient, $"{error.Code} is permanent");
        Assert.Equal(1, _rig.Calls(action));
        Assert.Equal(_before, _rig.State());
        return error;
    }

    [Fact]
    public async Task A_cr_answer_with_IsSuccess_false_is_a_CloudApiException_with_the_cr_code_and_http_200()
    {
        var cr = _rig.Apis.Cr(Rig.Hangzhou);

        var error = await RefusedOnce("CreateInstanceVpcEndpointLinkedVpc", () => cr.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
        {
            InstanceId = "cri-xxxxxx", VpcId = "vpc-hz1", VswitchId = "vsw-hz-cr",
        }));

        Assert.Equal(("INSTANCE_VPC_ENDPOINT_ALREADY_EXIST", 200, "cr:CreateInstanceVpcEndpointLinkedVpc"), (error.Code, error.HttpStatus, error.Action));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Theory]
    [InlineData("cri-nope", "vpc-hz3", "vsw-hz3-a", "INSTANCE_NOT_EXIST")]
    [InlineData("cri-xxxxxx", "vpc-nope", "vsw-hz3-a", "VPC_NOT_EXIST")]
    [InlineData("cri-xxxxxx", "vpc-hz3", "vsw-nope", "VSWITCH_NOT_EXIST")]
    public async Task Cr_unknown_resources_answer_IsSuccess_false_with_their_code(string instance, string vpcId, string vswitchId, string code)
    {
        var error = await RefusedOnce("CreateInstanceVpcEndpointLinkedVpc", () => _rig.Apis.Cr(Rig.Hangzhou).CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
        {
            InstanceId = instance, VpcId = vpcId, VswitchId = vswitchId,
        }));

        Assert.Equal((code, 200), (error.Code, error.HttpStatus));
    }

    [Fact]
    public async Task A_vpc_route_to_a_destination_already_routed_is_InvalidCIDRBlock_Duplicate()
    {
        var error = await RefusedOnce("CreateRouteEntry", () => _rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai with { DestinationCidrBlock = "10.0.0.0/8" }));

        Assert.Equal("InvalidCIDRBlock.Duplicate", error.Code);
    }

    [Theory]
    [InlineData("tr-attach-vpn-bj", "InstanceExist.TransitRouterRouteEntry")]
    [InlineData("tr-attach-hz1", "OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock")]
    public async Task A_transit_route_to_a_destination_already_routed_is_a_duplicate_over_the_same_hop_and_a_conflict_over_another(string nextHop, string code)
    {
        var error = await RefusedOnce("CreateTransitRouterRouteEntry", () => _rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trhz",
            TransitRouterRouteEntryDestinationCidrBlock = "192.168.0.0/16",
            TransitRouterRouteEntryNextHopType = "Attachment",
            TransitRouterRouteEntryNextHopId = nextHop,
        }));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task An_unknown_route_table_is_InvalidRouteTableId_NotFound_404()
    {
        var error = await RefusedOnce("CreateRouteEntry", () => _rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai with { RouteTableId = "vtb-nope" }));

        Assert.Equal(("InvalidRouteTableId.NotFound", 404), (error.Code, error.HttpStatus));
    }

    [Fact]
    public async Task A_zone_record_that_exists_is_Record_Invalid_Conflict()
    {
        var error = await RefusedOnce("AddZoneRecord", () => _rig.Apis.Pvtz.AddZoneRecordAsync(new AddZoneRecordRequest
        {
            ZoneId = "zone-cr-hz", Rr = "xxxxxx-registry-vpc", Type = "A", Value = "10.94.205.198",
        }));

        Assert.Equal("Record.Invalid.Conflict", error.Code);
    }
}
