using System.Net;
using System.Text;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Mns;

public class MnsApiTests
{
    private const string Sent201 = """<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageId>5F290C926D472878-2-14D9529A8FA-200000001</MessageId><MessageBodyMD5>C5DD56A39F5F7BB8B3337C6D11B6D8C7</MessageBodyMD5></Message>""";

    private static Task<SendMessageResponse> Send(TestCloud cloud) =>
        cloud.Apis.Mns("1234567890123456", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "test-queue", MessageBody = """{"event":"test"}""" });

    [Fact]
    public async Task Send_message_reproduces_vector_m1_on_the_wire()
    {
        using var cloud = new TestCloud();
        cloud.Handler.ThenXml(Sent201, HttpStatusCode.Created, ("x-mns-request-id", "MNS-R1"));

        var response = await Send(cloud);

        var sent = cloud.LastSent;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://1234567890123456.mns.cn-hangzhou.aliyuncs.com/queues/test-queue/messages", sent.Uri.ToString());
        Assert.Equal(
            """<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageBody>eyJldmVudCI6InRlc3QifQ==</MessageBody><DelaySeconds>0</DelaySeconds><Priority>8</Priority></Message>""",
            Encoding.UTF8.GetString(sent.Body));
        Assert.Equal("text/xml", sent.Header("content-type"));
        Assert.Equal("NjM2ZDdiNDcxNjExMmUwYWIxMzY4Njc0N2RhNDU0MTc=", sent.Header("content-md5"));
        Assert.Equal("Tue, 02 Jan 2024 03:04:05 GMT", sent.Header("date"));
        Assert.Equal("Tue, 02 Jan 2024 03:04:05 GMT", sent.Header("x-mns-date"));
        Assert.Equal("2015-06-06", sent.Header("x-mns-version"));
        Assert.Equal("MNS testid:S+BFWg8cgimAK917E/b9KodJhHY=", sent.Header("authorization"));
        Assert.Equal("1234567890123456.mns.cn-hangzhou.aliyuncs.com", sent.Header("host"));
        Assert.False(sent.Headers.ContainsKey("security-token"));
        Assert.Equal(("5F290C926D472878-2-14D9529A8FA-200000001", "C5DD56A39F5F7BB8B3337C6D11B6D8C7", "MNS-R1"), (response.MessageId, response.MessageBodyMD5, response.RequestId));
    }

    [Fact]
    public async Task Sends_the_sts_token_in_the_unsigned_security_token_header()
    {
        using var cloud = new TestCloud(credentials: new CloudCredentials("STS.testid", "testsecret", "CAIS-token"));
        cloud.Handler.ThenXml(Sent201, HttpStatusCode.Created);

        await Send(cloud);

        Assert.Equal("CAIS-token", cloud.LastSent.Header("security-token"));
        Assert.StartsWith("MNS STS.testid:", cloud.LastSent.Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maps_an_mns_xml_error_with_the_request_id_header()
    {
        using var cloud = new TestCloud();
        cloud.Handler.ThenXml(
            """<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://mns.aliyuncs.com/doc/v1/"><Code>QueueNotExist</Code><Message>The queue name you provided is not exist.</Message><RequestId>5F2A</RequestId><HostId>http://1.mns.cn-hangzhou.aliyuncs.com</HostId></Error>""",
            HttpStatusCode.NotFound,
            ("x-mns-request-id", "5F2A"));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => Send(cloud));

        Assert.Equal(("QueueNotExist", "5F2A", 404, "mns:SendMessage"), (error.Code, error.RequestId, error.HttpStatus, error.Action));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Retries_an_mns_internal_error()
    {
        using var cloud = new TestCloud(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 2 } });
        cloud.Handler
            .ThenXml("""<Error><Code>InternalError</Code><Message>oops</Message></Error>""", HttpStatusCode.InternalServerError)
            .ThenXml(Sent201, HttpStatusCode.Created);

        var response = await cloud.Settle(Send(cloud));

        Assert.NotNull(response.MessageId);
        Assert.Equal(2, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task An_endpoint_override_keeps_the_queue_path()
    {
        using var cloud = new TestCloud(new CloudOptions { Endpoint = new Uri("http://127.0.0.1:18080") });
        cloud.Handler.ThenXml(Sent201, HttpStatusCode.Created);

        await Send(cloud);

        Assert.Equal("http://127.0.0.1:18080/queues/test-queue/messages", cloud.LastSent.Uri.ToString());
        Assert.Equal("127.0.0.1:18080", cloud.LastSent.Header("host"));
    }

    [Fact]
    public async Task The_internal_endpoint_is_used_when_configured()
    {
        using var cloud = new TestCloud(new CloudOptions { MnsInternalEndpoint = true });
        cloud.Handler.ThenXml(Sent201, HttpStatusCode.Created);

        await Send(cloud);

        Assert.Equal("http://1234567890123456.mns.cn-hangzhou-internal.aliyuncs.com/queues/test-queue/messages", cloud.LastSent.Uri.ToString());
    }

    [Fact]
    public async Task Refuses_a_queue_name_that_would_change_the_path()
    {
        using var cloud = new TestCloud();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            cloud.Apis.Mns("1", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "../topics/x", MessageBody = "m" }));
        Assert.Empty(cloud.Handler.Sent);
    }

    [Fact]
    public async Task An_answer_without_a_message_id_is_an_invalid_response()
    {
        using var cloud = new TestCloud();
        cloud.Handler.ThenXml("<Message></Message>", HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => Send(cloud));

        Assert.Equal(CloudApiException.InvalidResponseCode, error.Code);
    }
}
