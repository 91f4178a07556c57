using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AcrReach.Functions.Tests.Support;

/// <summary>Builds requests as a DingTalk outgoing robot sends them (signature written here, independently of the host).</summary>
internal static class Robot
{
    public static string Sign(string secret, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string Message(string content, string senderStaffId = "netops-001")
    {
        var message = EventFiles.Node("chat-message.json");
        message["text"]!["content"] = content;
        message["senderStaffId"] = senderStaffId;
        return message.ToJsonString();
    }

    public static HttpRequestMessage Request(Uri host, string body, string? timestamp, string? sign, string requestId = "chat-0001")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-fc-request-id", requestId);
        if (timestamp is not null)
        {
            request.Headers.Add("timestamp", timestamp);
        }

        if (sign is not null)
        {
            request.Headers.Add("sign", sign);
        }

        return request;
    }

    /// <summary>A correctly signed request with the host's current (fake) time.</summary>
    public static HttpRequestMessage Signed(HostUnderTest host, string content, string senderStaffId = "netops-001", string requestId = "chat-0001")
    {
        var timestamp = Timestamp(host.Time.GetUtcNow());
        return Request(host.Address, Message(content, senderStaffId), timestamp, Sign(HostUnderTest.ChatSecret, timestamp), requestId);
    }

    public static async Task<(string Title, string Text)> MarkdownAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!;
        Assert.True((string?)json["msgtype"] == "markdown", $"not a markdown answer: {(int)response.StatusCode} {body}");
        return ((string)json["markdown"]!["title"]!, (string)json["markdown"]!["text"]!);
    }
}
