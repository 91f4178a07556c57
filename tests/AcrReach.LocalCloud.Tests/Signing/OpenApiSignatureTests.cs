using System.Net;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Signing;

public sealed class OpenApiSignatureTests
{
    private static readonly Dictionary<string, string> CreateRoute = new()
    {
        ["RegionId"] = "cn-shanghai", ["RouteTableId"] = "vtb-sh2", ["DestinationCidrBlock"] = "100.103.7.181/32", ["NextHopType"] = "Attachment", ["NextHopId"] = "tr-attach-sh2",
    };

    [Fact]
    public async Task Accepts_a_correctly_signed_acs3_call_and_echoes_the_request_id_header()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(answer.Json.GetProperty("RequestId").GetString(), answer.Header("x-acs-request-id"));
    }

    [Fact]
    public async Task Accepts_acs3_parameters_in_a_form_body()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-shanghai" }, c => c.InBody = true);

        Assert.Equal("vpc-sh2", answer.Json.GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task Wrong_secret_is_SignatureDoesNotMatch_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync();
        var before = cloud.State();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute, c => c.Secret = "wrong");

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), (answer.Status, answer.Code));
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Date_more_than_fifteen_minutes_old_is_InvalidTimeStamp_Expired_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync();
        var before = cloud.State();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute, c => c.Date = c.Date.AddMinutes(-16));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired"), (answer.Status, answer.Code));
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Date_within_the_window_is_accepted()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" }, c => c.Date = c.Date.AddMinutes(-14));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Reused_nonce_is_SignatureNonceUsed_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync();
        var first = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" }, c => c.Nonce = "same-nonce");
        var before = cloud.State();

        var replay = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute, c => c.Nonce = "same-nonce");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "SignatureNonceUsed"), (replay.Status, replay.Code));
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Unknown_access_key_is_InvalidAccessKeyId_NotFound_404()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.ClientWith(accessKeyId: "someone-else").Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" });

        Assert.Equal((HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Security_token_is_accepted_for_the_configured_key()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" }, c => c.SecurityToken = "CAIS-any-token==");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Content_hash_that_does_not_match_the_body_is_SignatureDoesNotMatch()
    {
        await using var cloud = await Cloud.StartAsync();
        var before = cloud.State();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute, c =>
        {
            c.InBody = true;
            c.PayloadHash = TestSigner.Sha256Hex([]);
        });

        Assert.Equal("SignatureDoesNotMatch", answer.Code);
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Unsigned_acs_header_is_IncompleteSignature()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" }, c => c.ExtraHeaders["x-acs-unsigned"] = "1");

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Tampered_parameter_after_signing_is_SignatureDoesNotMatch()
    {
        await using var cloud = await Cloud.StartAsync();
        var call = new Acs3Call(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" }, LocalCloudOptions.DefaultAccessKeySecret, LocalCloudOptions.DefaultAccessKeyId, cloud.Time.GetUtcNow(), "n1");
        call.ExtraHeaders["x-acs-action"] = "DescribeVSwitches";

        var answer = await cloud.Client.SendAcs3(call);

        Assert.NotEqual(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("GET", false)]
    [InlineData("POST", false)]
    [InlineData("POST", true)]
    public async Task Accepts_rpc_hmac_sha1_from_query_or_form_body(string method, bool inBody)
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", new Dictionary<string, string> { ["RegionId"] = "cn-shanghai" }, method, inBody);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("vpc-sh2", answer.Json.GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task Rpc_wrong_secret_is_SignatureDoesNotMatch_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync();
        var before = cloud.State();

        var answer = await cloud.Client.Rpc(CloudClient.Vpc, "CreateRouteEntry", CreateRoute, secret: "wrong");

        Assert.Equal((HttpStatusCode.BadRequest, "SignatureDoesNotMatch"), (answer.Status, answer.Code));
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Rpc_reused_nonce_and_old_timestamp_are_refused()
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" };

        var first = await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", parameters, nonce: "rpc-nonce");
        var replay = await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", parameters, nonce: "rpc-nonce");
        var stale = await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", parameters, timestamp: cloud.Time.GetUtcNow().AddMinutes(-20));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("SignatureNonceUsed", replay.Code);
        Assert.Equal("InvalidTimeStamp.Expired", stale.Code);
    }

    [Fact]
    public async Task Nonce_may_be_reused_once_the_window_has_passed()
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou" };
        await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", parameters, nonce: "old-nonce");

        cloud.Time.Advance(TimeSpan.FromMinutes(31));
        var later = await cloud.Client.Rpc(CloudClient.Vpc, "DescribeVpcs", parameters, nonce: "old-nonce");

        Assert.Equal(HttpStatusCode.OK, later.Status);
    }
}
