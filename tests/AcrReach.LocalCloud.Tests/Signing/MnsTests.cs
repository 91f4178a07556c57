using System.Net;
using System.Text;
using System.Xml.Linq;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Signing;

public sealed class MnsTests
{
    private const string Queue = "/queues/acr-reach-results/messages";
    private static readonly XNamespace Mns = "http://mns.aliyuncs.com/doc/v1/";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Code(Answer answer) => XDocument.Parse(answer.Body).Root!.Element(Mns + "Code")?.Value;

    [Fact]
    public async Task SendMessage_answers_201_and_the_queue_shows_raw_and_decoded_bodies()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", Queue, MnsClient.MessageXml(Base64("{\"schemaVersion\":1}")));
        var seen = await cloud.Client.Control(HttpMethod.Get, "queues/acr-reach-results");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var message = XDocument.Parse(answer.Body).Root!;
        Assert.Matches("^[0-9A-F]{32}$", message.Element(Mns + "MessageId")!.Value);
        Assert.NotNull(answer.Header("x-mns-request-id"));
        var stored = seen.Json.GetProperty("messages")[0];
        Assert.Equal(Base64("{\"schemaVersion\":1}"), stored.GetProperty("body").GetString());
        Assert.Equal("{\"schemaVersion\":1}", stored.GetProperty("decodedBody").GetString());
        Assert.Equal("{\"schemaVersion\":1}", Assert.Single(cloud.Server.Messages("acr-reach-results")).DecodedBody);
    }

    [Fact]
    public async Task Received_message_is_hidden_until_deleted_or_its_visibility_passes()
    {
        await using var cloud = await Cloud.StartAsync();
        await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", Queue, MnsClient.MessageXml(Base64("one")));

        var received = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "GET", Queue);
        var hidden = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "GET", Queue);
        cloud.Time.Advance(TimeSpan.FromSeconds(31));
        var again = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "GET", Queue);
        var handle = XDocument.Parse(again.Body).Root!.Element(Mns + "ReceiptHandle")!.Value;
        var deleted = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "DELETE", $"{Queue}?ReceiptHandle={handle}");
        var attributes = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "GET", "/queues/acr-reach-results");

        Assert.Equal(Base64("one"), XDocument.Parse(received.Body).Root!.Element(Mns + "MessageBody")!.Value);
        Assert.Equal((HttpStatusCode.NotFound, "MessageNotExist"), (hidden.Status, Code(hidden)));
        Assert.Equal("2", XDocument.Parse(again.Body).Root!.Element(Mns + "DequeueCount")!.Value);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("0", XDocument.Parse(attributes.Body).Root!.Element(Mns + "ActiveMessages")!.Value);
    }

    [Fact]
    public async Task Wrong_secret_is_403_SignatureDoesNotMatch_and_queues_nothing()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", Queue, MnsClient.MessageXml("eA=="), secret: "wrong");

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (answer.Status, Code(answer)));
        Assert.Empty(cloud.Server.Messages("acr-reach-results"));
    }

    [Fact]
    public async Task Old_date_is_408_TimeExpired_and_queues_nothing()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", Queue, MnsClient.MessageXml("eA=="), date: cloud.Time.GetUtcNow().AddMinutes(-16));

        Assert.Equal((HttpStatusCode.RequestTimeout, "TimeExpired"), (answer.Status, Code(answer)));
        Assert.Empty(cloud.Server.Messages("acr-reach-results"));
    }

    [Fact]
    public async Task Unknown_access_key_and_unknown_queue_have_mns_codes()
    {
        await using var cloud = await Cloud.StartAsync();

        var stranger = await MnsClient.Send(cloud.ClientWith(accessKeyId: "someone"), cloud.Time.GetUtcNow(), "POST", Queue, MnsClient.MessageXml("eA=="));
        var noQueue = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", "/queues/other/messages", MnsClient.MessageXml("eA=="));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidAccessKeyId"), (stranger.Status, Code(stranger)));
        Assert.Equal((HttpStatusCode.NotFound, "QueueNotExist"), (noQueue.Status, Code(noQueue)));
    }

    [Theory]
    [InlineData("<Message><MessageBody>eA==</MessageBody></Message>")]
    [InlineData("<Message xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><MessageBody>eA==</Message>")]
    public async Task Malformed_message_xml_is_MalformedXML(string xml)
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", Queue, xml);

        Assert.Equal((HttpStatusCode.BadRequest, "MalformedXML"), (answer.Status, Code(answer)));
    }

    [Fact]
    public async Task Configured_queue_name_is_the_one_that_exists()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { QueueName = "custom-queue" });

        var answer = await MnsClient.Send(cloud.Client, cloud.Time.GetUtcNow(), "POST", "/queues/custom-queue/messages", MnsClient.MessageXml("eA=="));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }
}
