using System.Text;
using AcrReach.Cloud.Mns;

namespace AcrReach.Cloud.Tests.Mns;

/// <summary>The MNS vectors of signing-vectors.md: the published P4 first, then M1 and M2.</summary>
public class MnsSigningVectorTests
{
    private const string M1Body = """<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageBody>eyJldmVudCI6InRlc3QifQ==</MessageBody><DelaySeconds>0</DelaySeconds><Priority>8</Priority></Message>""";
    private const string M2Body = """<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageBody>eyJldmVudCI6InRlc3QifQ==</MessageBody><MessageTag>registry</MessageTag></Message>""";
    private const string Date = "Tue, 02 Jan 2024 03:04:05 GMT";

    [Fact]
    public void P4_published_get_queue_completes_the_masked_signature()
    {
        var signature = MnsSigner.Sign("GET", null, null, "Thu, 09 Jul 2015 03:01:34 GMT", [new("x-mns-version", "2015-06-06")], "/MyQueue", "TestAccessSecret");

        Assert.Equal("GET\n\n\nThu, 09 Jul 2015 03:01:34 GMT\nx-mns-version:2015-06-06\n/MyQueue", signature.StringToSign);
        Assert.StartsWith("uwx3yeWoILzgmvesW0BQSgfM", signature.Signature, StringComparison.Ordinal);
        Assert.Equal("MNS TestAccessID:uwx3yeWoILzgmvesW0BQSgfM7b8=", signature.AuthorizationFor("TestAccessID"));
    }

    [Fact]
    public void M1_send_message_with_sdk_style_content_md5()
    {
        var body = Encoding.UTF8.GetBytes(M1Body);
        var md5 = MnsSigner.ContentMd5(body);

        var signature = MnsSigner.Sign("POST", md5, "text/xml", Date, [new("x-mns-version", "2015-06-06"), new("x-mns-date", Date)], "/queues/test-queue/messages", "testsecret");

        Assert.Equal(200, body.Length);
        Assert.Equal("NjM2ZDdiNDcxNjExMmUwYWIxMzY4Njc0N2RhNDU0MTc=", md5);
        Assert.Equal(
            "POST\nNjM2ZDdiNDcxNjExMmUwYWIxMzY4Njc0N2RhNDU0MTc=\ntext/xml\nTue, 02 Jan 2024 03:04:05 GMT\nx-mns-date:Tue, 02 Jan 2024 03:04:05 GMT\nx-mns-version:2015-06-06\n/queues/test-queue/messages",
            signature.StringToSign);
        Assert.Equal("MNS testid:S+BFWg8cgimAK917E/b9KodJhHY=", signature.AuthorizationFor("testid"));
    }

    [Fact]
    public void M2_publish_message_to_a_topic()
    {
        var body = Encoding.UTF8.GetBytes(M2Body);
        var md5 = MnsSigner.ContentMd5(body);

        var signature = MnsSigner.Sign("POST", md5, "text/xml", Date, [new("x-mns-date", Date), new("x-mns-version", "2015-06-06")], "/topics/test-topic/messages", "testsecret");

        Assert.Equal(181, body.Length);
        Assert.Equal("MDNlMjI1ZjNkYjMyZTZmNmNhZTQ5MjZlYTAyNDIzYjA=", md5);
        Assert.Equal("MNS testid:L5obbwOpausGoNBumtq5YJ3VM90=", signature.AuthorizationFor("testid"));
    }
}
