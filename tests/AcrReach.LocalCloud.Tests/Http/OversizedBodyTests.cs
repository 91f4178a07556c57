using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Http;

/// <summary>A request body over 1 MB is answered with a 4xx in the service's own error shape, never a 500.</summary>
public sealed class OversizedBodyTests
{
    private const int OverLimit = (1024 * 1024) + 1;

    private static HttpContent Body(bool withLength, string mediaType)
    {
        var bytes = new byte[OverLimit];
        Array.Fill(bytes, (byte)'a');
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_openapi_call_gets_a_4xx_json_error(bool withLength)
    {
        await using var cloud = await Cloud.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/?Action=DescribeVpcs&Version={CloudClient.Vpc}") { Content = Body(withLength, "application/x-www-form-urlencoded") };

        var answer = await cloud.Client.Send(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("RequestEntityTooLarge", answer.Code);
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("RequestId").GetString()));
    }

    [Fact]
    public async Task A_container_registry_call_gets_a_4xx_json_error()
    {
        await using var cloud = await Cloud.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Body(true, "application/json") };
        request.Headers.Add("x-acs-action", "ListInstance");
        request.Headers.Add("x-acs-version", CloudClient.Cr);

        var answer = await cloud.Client.Send(request);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge"), (answer.Status, answer.Code));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_mns_call_gets_a_4xx_xml_error(bool withLength)
    {
        await using var cloud = await Cloud.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/queues/{LocalCloudOptions.DefaultQueueName}/messages") { Content = Body(withLength, "text/xml") };

        var answer = await cloud.Client.Send(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        var error = XDocument.Parse(answer.Body).Root!;
        XNamespace ns = "http://mns.aliyuncs.com/doc/v1/";
        Assert.Equal(ns + "Error", error.Name);
        Assert.Equal("RequestEntityTooLarge", error.Element(ns + "Code")!.Value);
        Assert.False(string.IsNullOrEmpty(error.Element(ns + "RequestId")!.Value));
    }

    /// <summary>A body sent chunked, without a Content-Length: the limit must hold while reading too.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
