using System.Net;
using System.Text;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Fc;

public class FcApiTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"sweepId":"s-1","shard":{"region":"cn-hangzhou"}}""");

    [Fact]
    public async Task An_async_invocation_is_signed_as_the_official_sdk_signs_it()
    {
        using var cloud = new TestCloud();
        cloud.Handler.Then(_ => FakeHandler.Respond(HttpStatusCode.Accepted, string.Empty, "application/json", (FcApi.RequestIdHeader, "fc-req-1")));

        var answer = await cloud.Apis.Fc("1234567890123456", "cn-hangzhou").InvokeFunctionAsync(new InvokeFunctionRequest("acr-reach-sweep-worker", Payload));

        var sent = cloud.LastSent;
        Assert.Equal(new Uri("https://1234567890123456.cn-hangzhou.fc.aliyuncs.com/2023-03-30/functions/acr-reach-sweep-worker/invocations"), sent.Uri);
        Assert.Equal("Async", sent.Header("x-fc-invocation-type"));
        Assert.Equal("application/octet-stream", sent.Header("content-type"));
        Assert.Equal(Payload, sent.Body);

        // Vector made with npm @alicloud/openapi-core 1.0.8 OpenApiUtil.getAuthorization over the same request
        // (pathname as the canonical URI, x-fc-* unsigned, the body's SHA-256 as the payload hash).
        Assert.Equal("20e07862430e932821f31f637042f8d231ec703bf6571d28e2824846a4b9200d", sent.Header("x-acs-content-sha256"));
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5aa5091e6e1e2373a2cbd48de364b20572bf41d58a3d87e240953818845f755f",
            sent.Header("authorization"));
        Assert.Equal(202, answer.StatusCode);
        Assert.Equal("fc-req-1", answer.RequestId);
    }

    [Fact]
    public async Task A_missing_function_is_a_cloud_error_with_fc_code_and_request_id()
    {
        using var cloud = new TestCloud();
        cloud.Handler.ThenJson("""{"Code":"FunctionNotFound","Message":"function 'nope' does not exist","RequestId":"r-9"}""", HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            cloud.Apis.Fc("1", "cn-hangzhou").InvokeFunctionAsync(new InvokeFunctionRequest("nope", Payload)));

        Assert.Equal("FunctionNotFound", error.Code);
        Assert.Equal("r-9", error.RequestId);
        Assert.Equal(404, error.HttpStatus);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task The_endpoint_override_takes_every_invocation_and_the_sts_token_is_signed()
    {
        using var cloud = new TestCloud(new CloudOptions { Endpoint = new Uri("http://127.0.0.1:9/") }, new AcrReach.Cloud.Credentials.CloudCredentials("testid", "testsecret", "sts-token"));
        cloud.Handler.Then(_ => FakeHandler.Respond(HttpStatusCode.Accepted, string.Empty, "application/json"));

        await cloud.Apis.Fc("1", "cn-hangzhou").InvokeFunctionAsync(new InvokeFunctionRequest("w", Payload, InvocationType.Sync, Qualifier: "LATEST"));

        var sent = cloud.LastSent;
        Assert.Equal("http://127.0.0.1:9/2023-03-30/functions/w/invocations?qualifier=LATEST", sent.Uri.ToString());
        Assert.Equal("Sync", sent.Header("x-fc-invocation-type"));
        Assert.Equal("sts-token", sent.Header("x-acs-security-token"));
        Assert.Contains("x-acs-security-token", sent.Header("authorization"), StringComparison.Ordinal);
    }
}
