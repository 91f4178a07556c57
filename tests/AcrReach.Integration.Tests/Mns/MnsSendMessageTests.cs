using System.Security.Cryptography;
using System.Text;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Integration.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Integration.Tests.Mns;

/// <summary>MNS SendMessage through the client, with MNS's own signature, with an AccessKey and with an STS token.</summary>
public sealed class MnsSendMessageTests
{
    private const string Body = """{"schemaVersion":1,"runId":"run-1","text":"héllo"}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendMessage_queues_the_body_base64_encoded_and_answers_its_id_and_md5(bool sts)
    {
        await using var rig = await Callers.StartAsync(SignatureStyle.V3, sts);
        var mns = rig.Apis.Mns(rig.Server.AccountId, Rig.Hangzhou);

        var sent = await mns.SendMessageAsync(new SendMessageRequest { QueueName = LocalCloudOptions.DefaultQueueName, MessageBody = Body, Priority = 3 });

        var queued = Assert.Single(rig.Server.Messages(LocalCloudOptions.DefaultQueueName));
        Assert.Equal((sent.MessageId, Body, 3, 0), (queued.MessageId, queued.DecodedBody, queued.Priority, queued.DelaySeconds));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(Body)), queued.Body);
#pragma warning disable CA5351 // MNS's MessageBodyMD5 is an MD5 by protocol.
        Assert.Equal(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(queued.Body))), sent.MessageBodyMD5);
#pragma warning restore CA5351
        Assert.False(string.IsNullOrEmpty(sent.RequestId));
    }

    [Fact]
    public async Task SendMessage_to_a_queue_that_does_not_exist_fails_with_QueueNotExist_and_is_not_retried()
    {
        await using var rig = await Rig.StartAsync();

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            rig.Apis.Mns(rig.Server.AccountId, Rig.Hangzhou).SendMessageAsync(new SendMessageRequest { QueueName = "no-such-queue", MessageBody = Body }));

        Assert.Equal(("QueueNotExist", 404, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal(1, rig.Calls("SendMessage"));
    }
}
