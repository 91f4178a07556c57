using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Pvtz;

/// <summary>The PrivateZone 2018-01-01 actions AcrReach calls; RAM code <c>pvtz</c>.</summary>
public static class PvtzOperations
{
    private static PvtzJsonContext Json => PvtzJsonContext.Default;

    public static readonly ApiOperation<DescribeZonesRequest, DescribeZonesResponse> DescribeZones = new(
        CloudProduct.Pvtz, "DescribeZones", ApiAccess.Read, Json.DescribeZonesRequest, Json.DescribeZonesResponse);

    public static readonly ApiOperation<DescribeZoneInfoRequest, DescribeZoneInfoResponse> DescribeZoneInfo = new(
        CloudProduct.Pvtz, "DescribeZoneInfo", ApiAccess.Read, Json.DescribeZoneInfoRequest, Json.DescribeZoneInfoResponse);

    public static readonly ApiOperation<AddZoneRequest, AddZoneResponse> AddZone = new(
        CloudProduct.Pvtz, "AddZone", ApiAccess.Write, Json.AddZoneRequest, Json.AddZoneResponse, sendsClientToken: true);

    public static readonly ApiOperation<DescribeZoneRecordsRequest, DescribeZoneRecordsResponse> DescribeZoneRecords = new(
        CloudProduct.Pvtz, "DescribeZoneRecords", ApiAccess.Read, Json.DescribeZoneRecordsRequest, Json.DescribeZoneRecordsResponse);

    public static readonly ApiOperation<AddZoneRecordRequest, AddZoneRecordResponse> AddZoneRecord = new(
        CloudProduct.Pvtz, "AddZoneRecord", ApiAccess.Write, Json.AddZoneRecordRequest, Json.AddZoneRecordResponse, sendsClientToken: true);

    /// <summary>Sets the whole binding set, so a retry without a ClientToken cannot do harm; none is made up.</summary>
    public static readonly ApiOperation<BindZoneVpcRequest, BindZoneVpcResponse> BindZoneVpc = new(
        CloudProduct.Pvtz, "BindZoneVpc", ApiAccess.Write, Json.BindZoneVpcRequest, Json.BindZoneVpcResponse);

    /// <summary>Removes a record by its id (a pruned record AcrReach made); the id is fixed, so a retry cannot remove another.</summary>
    public static readonly ApiOperation<DeleteZoneRecordRequest, DeleteZoneRecordResponse> DeleteZoneRecord = new(
        CloudProduct.Pvtz, "DeleteZoneRecord", ApiAccess.Write, Json.DeleteZoneRecordRequest, Json.DeleteZoneRecordResponse);

    /// <summary>Marks a zone AcrReach added (AddZone takes no remark); setting the same remark again does no harm.</summary>
    public static readonly ApiOperation<UpdateZoneRemarkRequest, UpdateZoneRemarkResponse> UpdateZoneRemark = new(
        CloudProduct.Pvtz, "UpdateZoneRemark", ApiAccess.Write, Json.UpdateZoneRemarkRequest, Json.UpdateZoneRemarkResponse);
}
