using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AcrReach.LocalCloud.Tests.Support;

/// <summary>Signed MNS queue calls, built like the Node SDK builds them (Content-MD5 = Base64 of the hex MD5 string).</summary>
public static class MnsClient
{
    public static string MessageXml(string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Message xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><MessageBody>{body}</MessageBody><DelaySeconds>0</DelaySeconds><Priority>8</Priority></Message>";

    public static Task<Answer> Send(CloudClient client, DateTimeOffset now, string method, string resource, string? xml = null, string? secret = null, DateTimeOffset? date = null)
    {
        var bytes = xml is null ? [] : Encoding.UTF8.GetBytes(xml);
        var dateText = (date ?? now).UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        var md5 = xml is null ? string.Empty : Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(bytes))));
        var contentType = xml is null ? string.Empty : "text/xml";
        var mnsHeaders = new Dictionary<string, string> { ["x-mns-date"] = dateText, ["x-mns-version"] = "2015-06-06" };
        var signature = TestSigner.MnsSignature(method, md5, contentType, dateText, mnsHeaders, resource, secret ?? client.Secret);
        var request = new HttpRequestMessage(new HttpMethod(method), resource);
        request.Headers.TryAddWithoutValidation("Date", dateText);
        foreach (var (name, value) in mnsHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"MNS {client.AccessKeyId}:{signature}");
        if (xml is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Content.Headers.TryAddWithoutValidation("Content-MD5", md5);
        }

        return client.Send(request);
    }
}
