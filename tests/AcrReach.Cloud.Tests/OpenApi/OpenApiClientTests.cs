using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.OpenApi;

/// <summary>What an RPC call looks like on the wire, in both signature styles.</summary>
public class OpenApiClientTests
{
    private const string VpcsPage = """{ "RequestId": "R1", "PageNumber": 1, "PageSize": 50, "TotalCount": 0, "Vpcs": { "Vpc": [] } }""";

    [Fact]
    public async Task Sends_a_v3_call_as_post_slash_with_query_parameters_an_empty_body_and_a_signature_over_what_it_sends()
    {
        using var cloud = new TestCloud();
        cloud.Handler.ThenJson(VpcsPage);

        await cloud.Apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest { VpcName = "a b*c", PageSize = 50 });

        var sent = cloud.LastSent;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://vpc.cn-shanghai.aliyuncs.com/", sent.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("PageSize=50&RegionId=cn-shanghai&VpcName=a%20b%2Ac", sent.RawQuery);
        Assert.Empty(sent.Body);
        Assert.Equal("vpc.cn-shanghai.aliyuncs.com", sent.Header("host"));
        Assert.Equal("DescribeVpcs", sent.Header("x-acs-action"));
        Assert.Equal("2016-04-28", sent.Header("x-acs-version"));
        Assert.Equal("2024-01-02T03:04:05Z", sent.Header("x-acs-date"));
        Assert.Equal("nonce-1", sent.Header("x-acs-signature-nonce"));
        Assert.Equal(Acs3Signer.EmptyPayloadHash, sent.Header("x-acs-content-sha256"));
        Assert.Equal("application/json", sent.Header("accept"));
        Assert.False(sent.Headers.ContainsKey("x-acs-security-token"));
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=", sent.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal(Wire.ExpectedAuthorization(sent, "testid", "testsecret"), sent.Header("authorization"));
    }

    [Fact]
    public async Task Reproduces_vector_g3_end_to_end_through_the_private_zone_api()
    {
        using var cloud = new TestCloud(nonce: () => "nonce-g3-0003");
        cloud.Handler.ThenJson("""{ "RequestId": "R" }""");

        await cloud.Apis.Pvtz.BindZoneVpcAsync(new BindZoneVpcRequest
        {
            ZoneId = "zone-123",
            Vpcs = [new ZoneVpc { RegionId = "cn-hangzhou", VpcId = "vpc-aaa" }, new ZoneVpc { RegionId = "cn-shanghai", VpcId = "vpc-bbb" }],
        });

        Assert.EndsWith(",Signature=ab014eb2cbc63fb951aff6b103ff161ffcf61b19b45a8fdf752cef547aba9287", cloud.LastSent.Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_sts_token_signs_and_sends_the_token_and_the_access_key_id()
    {
        using var cloud = new TestCloud(credentials: new CloudCredentials("STS.testid", "testsecret", "CAIS-token=="));
        cloud.Handler.ThenJson(VpcsPage);

        await cloud.Apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest());

        var sent = cloud.LastSent;
        Assert.Equal("CAIS-token==", sent.Header("x-acs-security-token"));
        Assert.Equal("STS.testid", sent.Header("x-acs-accesskey-id"));
        Assert.Contains("SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,", sent.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal(Wire.ExpectedAuthorization(sent, "STS.testid", "testsecret"), sent.Header("authorization"));
    }

    [Fact]
    public async Task Rpc_style_puts_the_common_parameters_and_an_hmac_sha1_signature_in_the_query()
    {
        using var cloud = new TestCloud(new CloudOptions { Signature = SignatureStyle.Rpc }, new CloudCredentials("STS.testid", "testsecret", "tok+/="));
        cloud.Handler.ThenJson(VpcsPage);

        await cloud.Apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest { PageSize = 50 });

        var sent = cloud.LastSent;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Empty(sent.Body);
        Assert.False(sent.Headers.ContainsKey("authorization"));
        var query = sent.Query;
        Assert.Equal("DescribeVpcs", query["Action"]);
        Assert.Equal("2016-04-28", query["Version"]);
        Assert.Equal("JSON", query["Format"]);
        Assert.Equal("2024-01-02T03:04:05Z", query["Timestamp"]);
        Assert.Equal("nonce-1", query["SignatureNonce"]);
        Assert.Equal("HMAC-SHA1", query["SignatureMethod"]);
        Assert.Equal("1.0", query["SignatureVersion"]);
        Assert.Equal("STS.testid", query["AccessKeyId"]);
        Assert.Equal("tok+/=", query["SecurityToken"]);
        Assert.Equal("cn-shanghai", query["RegionId"]);
        Assert.Equal("50", query["PageSize"]);

        var signed = new ApiParameters();
        foreach (var (name, value) in query.Where(p => p.Key != "Signature"))
        {
            signed.Set(name, value);
        }

        Assert.Equal(RpcSigner.Sign("POST", signed, "testsecret").Signature, query["Signature"]);
    }

    [Fact]
    public async Task An_endpoint_override_sends_every_product_there_and_signs_the_host_with_its_port()
    {
        using var cloud = new TestCloud(new CloudOptions { Endpoint = new Uri("http://127.0.0.1:18080") });
        cloud.Handler.Fallback = _ => FakeHandler.Respond(System.Net.HttpStatusCode.OK, """{ "RequestId": "R" }""", "application/json");

        await cloud.Apis.Vpc("cn-hangzhou").DescribeVpcsAsync(new DescribeVpcsRequest());
        await cloud.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest());
        await cloud.Apis.Cr("cn-hangzhou").GetInstanceAsync(new GetInstanceRequest { InstanceId = "cri-1" });
        await cloud.Apis.Pvtz.DescribeZonesAsync(new DescribeZonesRequest());

        Assert.All(cloud.Handler.Sent, sent =>
        {
            Assert.Equal("http://127.0.0.1:18080/", sent.Uri.GetLeftPart(UriPartial.Path));
            Assert.Equal("127.0.0.1:18080", sent.Header("host"));
            Assert.Equal(Wire.ExpectedAuthorization(sent, "testid", "testsecret"), sent.Header("authorization"));
        });
        Assert.Equal(["2016-04-28", "2017-09-12", "2018-12-01", "2018-01-01"], cloud.Handler.Sent.Select(s => s.Header("x-acs-version")));
    }

    [Fact]
    public async Task Each_attempt_gets_a_fresh_nonce_and_date()
    {
        using var cloud = new TestCloud(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromSeconds(1) } });
        cloud.Handler
            .ThenJson("""{ "Code": "Throttling.User", "Message": "busy" }""", System.Net.HttpStatusCode.BadRequest, ("x-acs-retry-after", "3000"))
            .ThenJson(VpcsPage);

        await cloud.Settle(cloud.Apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest()));

        var (first, second) = (cloud.Handler.Sent[0], cloud.Handler.Sent[1]);
        Assert.NotEqual(first.Header("x-acs-signature-nonce"), second.Header("x-acs-signature-nonce"));
        Assert.Equal("2024-01-02T03:04:05Z", first.Header("x-acs-date"));
        Assert.True(string.CompareOrdinal(second.Header("x-acs-date"), "2024-01-02T03:04:08Z") >= 0);
        Assert.Equal(Wire.ExpectedAuthorization(second, "testid", "testsecret"), second.Header("authorization"));
    }

    [Fact]
    public async Task Asks_the_credential_provider_on_every_call()
    {
        var provider = new RotatingProvider();
        using var cloud = new TestCloud();
        cloud.Handler.Fallback = _ => FakeHandler.Respond(System.Net.HttpStatusCode.OK, VpcsPage, "application/json");
        var apis = cloud.Factory.Create(provider);

        await apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest());
        await apis.Vpc("cn-shanghai").DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Contains("Credential=id-1,", cloud.Handler.Sent[0].Header("authorization"), StringComparison.Ordinal);
        Assert.Contains("Credential=id-2,", cloud.Handler.Sent[1].Header("authorization"), StringComparison.Ordinal);
    }

    private sealed class RotatingProvider : ICredentialProvider
    {
        private int _calls;

        public string Name => "rotating";

        public ValueTask<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new CloudCredentials($"id-{Interlocked.Increment(ref _calls)}", "secret"));
    }
}
