using System.Net;
using System.Net.Sockets;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.OpenApi;

/// <summary>Every way a call can fail becomes one CloudApiException.</summary>
public class ErrorMappingTests
{
    private static TestCloud NoRetries() => new(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 0 } });

    private static Task<CreateRouteEntryResponse> CreateRoute(TestCloud cloud) =>
        cloud.Apis.Vpc("cn-hangzhou").CreateRouteEntryAsync(new CreateRouteEntryRequest { RouteTableId = "vtb-1", DestinationCidrBlock = "100.0.0.0/8" });

    [Fact]
    public async Task Maps_a_json_error_body_to_code_message_request_id_and_status()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenJson(
            """{ "RequestId": "7A8E", "HostId": "vpc.aliyuncs.com", "Code": "InvalidCIDRBlock.Duplicate", "Message": "Specified CIDR block is already exists.", "Recommend": "https://api.aliyun.com" }""",
            HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal("InvalidCIDRBlock.Duplicate", error.Code);
        Assert.Equal("Specified CIDR block is already exists.", error.ServiceMessage);
        Assert.Equal("7A8E", error.RequestId);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("vpc:CreateRouteEntry", error.Action);
        Assert.False(error.IsTransient);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Reads_lower_case_error_fields_too()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenJson("""{ "requestId": "r1", "code": "Forbidden.RAM", "message": "no permission" }""", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal(("Forbidden.RAM", "no permission", "r1", 403), (error.Code, error.ServiceMessage, error.RequestId, error.HttpStatus));
    }

    [Fact]
    public async Task Maps_an_xml_error_body()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenXml(
            """<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>x1</RequestId><HostId>h</HostId><Code>SignatureDoesNotMatch</Code><Message>bad signature</Message></Error>""",
            HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal(("SignatureDoesNotMatch", "bad signature", "x1"), (error.Code, error.ServiceMessage, error.RequestId));
    }

    [Fact]
    public async Task Names_a_non_json_5xx_by_its_status_and_treats_it_as_transient()
    {
        using var cloud = NoRetries();
        cloud.Handler.Then(_ => FakeHandler.Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal("Http502", error.Code);
        Assert.Contains("bad gateway", error.ServiceMessage, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Reads_x_acs_retry_after_in_milliseconds_on_throttling()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenJson(
            """{ "Code": "Throttling.User", "Message": "Request was denied due to user flow control.", "RequestId": "t1" }""",
            HttpStatusCode.BadRequest,
            ("x-acs-retry-after", "2500"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), error.RetryAfter);
    }

    [Fact]
    public async Task Maps_cr_is_success_false_on_http_200_to_the_same_exception()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenJson("""{ "Code": "INSTANCE_NOT_EXIST", "IsSuccess": false, "RequestId": "c1" }""");

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            cloud.Apis.Cr("cn-hangzhou").GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-x", ModuleName = "Registry" }));

        Assert.Equal(("INSTANCE_NOT_EXIST", "c1", 200, "cr:GetInstanceVpcEndpoint"), (error.Code, error.RequestId, error.HttpStatus, error.Action));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_cr_failure_without_a_code_gets_ours()
    {
        using var cloud = NoRetries();
        cloud.Handler.ThenJson("""{ "IsSuccess": false, "RequestId": "c2" }""");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Apis.Cr("cn-hangzhou").GetInstanceAsync(new GetInstanceRequest { InstanceId = "cri-x" }));

        Assert.Equal(CloudApiException.UnsuccessfulCode, error.Code);
    }

    [Fact]
    public async Task A_successful_answer_that_is_not_the_documented_json_is_an_invalid_response()
    {
        using var cloud = NoRetries();
        cloud.Handler.Then(_ => FakeHandler.Respond(HttpStatusCode.OK, "<html>captive portal</html>", "text/html"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal(CloudApiException.InvalidResponseCode, error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_network_failure_is_a_transient_network_error()
    {
        using var cloud = NoRetries();
        cloud.Handler.Then(_ => throw new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal((CloudApiException.NetworkErrorCode, 0), (error.Code, error.HttpStatus));
        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound)]
    public async Task An_endpoint_that_refuses_connections_or_does_not_exist_fails_at_once_without_retries(SocketError socketError)
    {
        using var cloud = new TestCloud(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) } });
        var attempts = 0;
        for (var i = 0; i < 4; i++)
        {
            cloud.Handler.Then(_ =>
            {
                attempts++;
                throw new HttpRequestException("cannot connect", new SocketException((int)socketError));
            });
        }

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal((CloudApiException.EndpointUnreachableCode, 0, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_broken_connection_while_reading_is_a_transient_network_error()
    {
        using var cloud = NoRetries();
        cloud.Handler.Then(_ => throw new IOException("connection reset by peer"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => CreateRoute(cloud));

        Assert.Equal(CloudApiException.NetworkErrorCode, error.Code);
        Assert.True(error.IsTransient);
    }
}
