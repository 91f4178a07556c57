using System.Net;
using System.Text;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using BenchmarkDotNet.Attributes;

namespace AcrReach.Cloud.Benchmarks;

/// <summary>
/// The client's own cost per call — flattening, signing, the HTTP pipeline (retry, rate limit, timeout),
/// reading the answer — with the network replaced by an in-memory handler that answers at once.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    private CloudClientFactory _factory = null!;
    private IVpcApi _vpc = null!;
    private ICbnApi _cbn = null!;
    private IMnsApi _mns = null!;
    private ApiParameters _query = null!;
    private KeyValuePair<string, string>[] _headers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new CloudOptions
        {
            Credentials = new StaticCredentialProvider(new CloudCredentials("STS.benchid", "benchsecret", "CAIS-bench-token")),
            RateLimits = new RateLimitOptions { ReadQps = 1e9, WriteQps = 1e9, Burst = 1_000_000 },
        };
        _factory = new CloudClientFactory(options, handler: new CannedHandler());
        var apis = _factory.Create();
        _vpc = apis.Vpc("cn-shanghai");
        _cbn = apis.Cbn;
        _mns = apis.Mns("1234567890123456", "cn-hangzhou");
        _query = new ApiParameters().Set("RegionId", "cn-shanghai").Set("PageNumber", "1").Set("PageSize", "50").Set("VpcName", "a b*c");
        _headers =
        [
            new("host", "vpc.cn-shanghai.aliyuncs.com"),
            new("x-acs-action", "DescribeVpcs"),
            new("x-acs-version", "2016-04-28"),
            new("x-acs-date", "2024-01-02T03:04:05Z"),
            new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            new("x-acs-content-sha256", Acs3Signer.EmptyPayloadHash),
        ];
    }

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    [Benchmark(Description = "ACS3 signature only")]
    public string SignV3() =>
        Acs3Signer.Sign("POST", "/", _query, _headers, Acs3Signer.EmptyPayloadHash, "benchid", "benchsecret").Authorization;

    [Benchmark(Description = "VPC DescribeVpcs, 1 VPC")]
    public Task<DescribeVpcsResponse> DescribeVpcs() =>
        _vpc.DescribeVpcsAsync(new DescribeVpcsRequest { PageNumber = 1, PageSize = 50 });

    [Benchmark(Description = "VPC DescribeRouteEntryList, 100 entries")]
    public Task<DescribeRouteEntryListResponse> DescribeRouteEntryList() =>
        _vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-100", MaxResult = 100 });

    [Benchmark(Description = "VPC CreateRouteEntry (ClientToken)")]
    public Task<CreateRouteEntryResponse> CreateRouteEntry() =>
        _vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-1",
            DestinationCidrBlock = "100.118.28.0/24",
            NextHopType = "Attachment",
            NextHopId = "tr-attach-1",
            Description = "acr-reach",
        });

    [Benchmark(Description = "CBN ListTransitRouterRouteEntries, 1 entry")]
    public Task<ListTransitRouterRouteEntriesResponse> ListTransitRouterRouteEntries() =>
        _cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = "vtb-tr", TransitRouterRouteEntryStatus = "All" });

    [Benchmark(Description = "MNS SendMessage")]
    public Task<SendMessageResponse> SendMessage() =>
        _mns.SendMessageAsync(new SendMessageRequest { QueueName = "acr-reach-results", MessageBody = """{"schemaVersion":1,"runId":"r"}""" });

    /// <summary>Answers every call at once from memory, by action.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly byte[] Vpcs = Encoding.UTF8.GetBytes("""
            { "RequestId": "R", "PageNumber": 1, "PageSize": 50, "TotalCount": 1,
              "Vpcs": { "Vpc": [{ "VpcId": "vpc-sh2", "RegionId": "cn-shanghai", "CidrBlock": "172.16.0.0/16", "Status": "Available",
                "VSwitchIds": { "VSwitchId": ["vsw-1", "vsw-2"] }, "RouterTableIds": { "RouterTableIds": ["vtb-1"] },
                "SecondaryCidrBlocks": { "SecondaryCidrBlock": [] }, "Tags": { "Tag": [{ "Key": "acr-reach", "Value": "cri-1" }] } }] } }
            """);

        private static readonly byte[] RouteEntries = Encoding.UTF8.GetBytes(
            "{ \"RequestId\": \"R\", \"NextToken\": \"\", \"RouteEntrys\": { \"RouteEntry\": ["
            + string.Join(",", Enumerable.Range(0, 100).Select(i =>
                $$"""{ "RouteEntryId": "rte-{{i}}", "RouteTableId": "vtb-100", "DestinationCidrBlock": "10.{{i}}.0.0/16", "Type": "Custom", "Status": "Available", "NextHops": { "NextHop": [{ "NextHopType": "Attachment", "NextHopId": "tr-attach-1" }] } }"""))
            + "] } }");

        private static readonly byte[] Created = Encoding.UTF8.GetBytes("""{ "RequestId": "R", "RouteEntryId": "rte-new" }""");

        private static readonly byte[] TransitEntries = Encoding.UTF8.GetBytes("""
            { "RequestId": "R", "TransitRouterRouteEntries": [{ "TransitRouterRouteEntryId": "rte-1", "TransitRouterRouteEntryDestinationCidrBlock": "100.0.0.0/8",
              "TransitRouterRouteEntryType": "Static", "TransitRouterRouteEntryStatus": "Active", "TransitRouterRouteEntryNextHopType": "Attachment",
              "TransitRouterRouteEntryNextHopId": "tr-attach-1" }] }
            """);

        private static readonly byte[] Sent = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageId>m-1</MessageId><MessageBodyMD5>X</MessageBodyMD5></Message>""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var action = request.Headers.TryGetValues("x-acs-action", out var values) ? values.First() : "SendMessage";
            var (status, body) = action switch
            {
                "DescribeVpcs" => (HttpStatusCode.OK, Vpcs),
                "DescribeRouteEntryList" => (HttpStatusCode.OK, RouteEntries),
                "CreateRouteEntry" => (HttpStatusCode.OK, Created),
                "ListTransitRouterRouteEntries" => (HttpStatusCode.OK, TransitEntries),
                _ => (HttpStatusCode.Created, Sent),
            };
            return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body) });
        }
    }
}
