namespace AcrReach.Cloud.Pvtz;

/// <summary>PrivateZone 2018-01-01, shaped like <c>AlibabaCloud.SDK.Pvtz20180101.Client</c>; central endpoint.</summary>
public interface IPvtzApi
{
    Task<DescribeZonesResponse> DescribeZonesAsync(DescribeZonesRequest request, CancellationToken cancellationToken = default);

    Task<DescribeZoneInfoResponse> DescribeZoneInfoAsync(DescribeZoneInfoRequest request, CancellationToken cancellationToken = default);

    Task<AddZoneResponse> AddZoneAsync(AddZoneRequest request, CancellationToken cancellationToken = default);

    Task<DescribeZoneRecordsResponse> DescribeZoneRecordsAsync(DescribeZoneRecordsRequest request, CancellationToken cancellationToken = default);

    Task<AddZoneRecordResponse> AddZoneRecordAsync(AddZoneRecordRequest request, CancellationToken cancellationToken = default);

    Task<BindZoneVpcResponse> BindZoneVpcAsync(BindZoneVpcRequest request, CancellationToken cancellationToken = default);

    Task<DeleteZoneRecordResponse> DeleteZoneRecordAsync(DeleteZoneRecordRequest request, CancellationToken cancellationToken = default);

    Task<UpdateZoneRemarkResponse> UpdateZoneRemarkAsync(UpdateZoneRemarkRequest request, CancellationToken cancellationToken = default);
}
