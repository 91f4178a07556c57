using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Mns;

/// <summary>
/// MNS calls for one account and region, through the same <see cref="CallPipeline"/> (retries, rate limit,
/// timeout) as the OpenAPI products. Requests look like the Node SDK's (<c>@alicloud/mns</c>): <c>Date</c> and
/// <c>x-mns-date</c>, <c>x-mns-version: 2015-06-06</c>, <c>Content-Type: text/xml</c>, Content-MD5, and the STS
/// token in the unsigned <c>security-token</c> header.
/// </summary>
public sealed class MnsApi : IMnsApi
{
    public const string Namespace = "http://mns.aliyuncs.com/doc/v1/";
    public const string RequestIdHeader = "x-mns-request-id";
    private const string ContentType = "text/xml";

    private readonly HttpClient _http;
    private readonly CallPipeline _pipeline;
    private readonly ICredentialProvider _credentials;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    public MnsApi(HttpClient http, CallPipeline pipeline, ICredentialProvider credentials, TimeProvider time, Uri endpoint)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
    }

    public Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.QueueName) || !request.QueueName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{request.QueueName}' is not an MNS queue name (letters, digits and '-')", nameof(request));
        }

        var body = Encoding.UTF8.GetBytes(MessageXml(request));
        var resource = $"/queues/{request.QueueName}/messages";
        return _pipeline.ExecuteAsync(MnsOperations.SendMessage, token => AttemptAsync(resource, body, token), cancellationToken);
    }

    /// <summary>
    /// The body exactly as the Node SDK writes it (signing-vectors.md M1). A queue is an edge where text leaves the
    /// process: the message goes out with its <see cref="Secrets"/> masked.
    /// </summary>
    internal static string MessageXml(SendMessageRequest request) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Message xmlns="{Namespace}"><MessageBody>{SecurityElement.Escape(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secrets.Redact(request.MessageBody))))}</MessageBody><DelaySeconds>{request.DelaySeconds.ToString(CultureInfo.InvariantCulture)}</DelaySeconds><Priority>{request.Priority.ToString(CultureInfo.InvariantCulture)}</Priority></Message>""";

    private async Task<SendMessageResponse> AttemptAsync(string resource, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        using var message = CreateRequest(resource, body, credentials);
        using var response = await _http.SendAsync(message, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        if (status >= 300)
        {
            throw ErrorResponse.ToException(status, content, response.Headers, MnsOperations.SendMessage.RamAction, RequestIdHeader);
        }

        try
        {
            return Parse(content) with { RequestId = requestId };
        }
        catch (XmlException e)
        {
            throw new CloudApiException(
                CloudApiException.InvalidResponseCode,
                $"the answer is not the documented XML: {e.Message}",
                requestId,
                status,
                action: MnsOperations.SendMessage.RamAction,
                innerException: e);
        }
    }

    internal HttpRequestMessage CreateRequest(string resource, byte[] body, CloudCredentials credentials)
    {
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentMd5 = MnsSigner.ContentMd5(body);
        KeyValuePair<string, string>[] mnsHeaders = [new("x-mns-date", date), new("x-mns-version", "2015-06-06")];
        var signature = MnsSigner.Sign("POST", contentMd5, ContentType, date, mnsHeaders, resource, credentials.AccessKeySecret);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, resource))
        {
            Content = new ByteArrayContent(body),
        };
        message.Headers.Host = _endpoint.Authority;
        message.Headers.TryAddWithoutValidation("Date", date);
        foreach (var (name, value) in mnsHeaders)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.AuthorizationFor(credentials.AccessKeyId));
        if (credentials.SecurityToken is { } token)
        {
            message.Headers.TryAddWithoutValidation("security-token", token);
        }

        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Content.Headers.TryAddWithoutValidation("Content-MD5", contentMd5);
        return message;
    }

    private static SendMessageResponse Parse(byte[] content)
    {
        var fields = XmlFields.Read(content);
        return new SendMessageResponse
        {
            MessageId = fields.GetValueOrDefault("MessageId") ?? throw new XmlException("no MessageId in the answer"),
            MessageBodyMD5 = fields.GetValueOrDefault("MessageBodyMD5"),
            ReceiptHandle = fields.GetValueOrDefault("ReceiptHandle"),
        };
    }
}
