using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Pvtz;

/// <summary>PrivateZone calls through <see cref="OpenApiClient"/> to the central endpoint.</summary>
public sealed class PvtzApi(OpenApiClient client) : IPvtzApi
{
    private readonly OpenApiClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public Task<DescribeZonesResponse> DescribeZonesAsync(DescribeZonesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.DescribeZones, request, null, cancellationToken);

    public Task<DescribeZoneInfoResponse> DescribeZoneInfoAsync(DescribeZoneInfoRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.DescribeZoneInfo, request, null, cancellationToken);

    public Task<AddZoneResponse> AddZoneAsync(AddZoneRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.AddZone, request, null, cancellationToken);

    public Task<DescribeZoneRecordsResponse> DescribeZoneRecordsAsync(DescribeZoneRecordsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.DescribeZoneRecords, request, null, cancellationToken);

    public Task<AddZoneRecordResponse> AddZoneRecordAsync(AddZoneRecordRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.AddZoneRecord, request, null, cancellationToken);

    public Task<BindZoneVpcResponse> BindZoneVpcAsync(BindZoneVpcRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.BindZoneVpc, request, null, cancellationToken);

    public Task<DeleteZoneRecordResponse> DeleteZoneRecordAsync(DeleteZoneRecordRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.DeleteZoneRecord, request, null, cancellationToken);

    public Task<UpdateZoneRemarkResponse> UpdateZoneRemarkAsync(UpdateZoneRemarkRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(PvtzOperations.UpdateZoneRemark, request, null, cancellationToken);
}
