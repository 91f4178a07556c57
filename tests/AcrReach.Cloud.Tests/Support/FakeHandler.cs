using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AcrReach.Cloud.Tests.Support;

/// <summary>What the client put on the wire, copied before the message is disposed.</summary>
public sealed record SentRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>The query parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string> Query { get; } = ParseQuery(Uri);

    /// <summary>The raw query as sent, without the '?'.</summary>
    public string RawQuery => Uri.Query.TrimStart('?');

    public string Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : throw new KeyNotFoundException($"no header '{name}' in {string.Join(", ", Headers.Keys)}");

    private static Dictionary<string, string> ParseQuery(Uri uri)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            query[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return query;
    }
}

/// <summary>A tiny stand-in for the cloud: records each request and answers from a script.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<SentRequest, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    /// <summary>Answers when the script is empty.</summary>
    public Func<SentRequest, HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<SentRequest> Sent => [.. _sent];

    public FakeHandler Then(Func<SentRequest, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    /// <summary>Never answers: the request waits until it is cancelled (a timeout, or the caller).</summary>
    public FakeHandler ThenHang() => Then(_ => throw new HangException());

    public FakeHandler ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        Then(_ => Respond(status, json, "application/json", headers));

    public FakeHandler ThenXml(string xml, HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Then(_ => Respond(status, xml, "text/xml;charset=utf-8", headers));

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(",", values);
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name.ToLowerInvariant()] = string.Join(",", values);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var sent = new SentRequest(request.Method, request.RequestUri!, headers, body);
        _sent.Enqueue(sent);
        if (_script.TryDequeue(out var answer))
        {
            try
            {
                return answer(sent);
            }
            catch (HangException)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
        }

        return Fallback?.Invoke(sent) ?? throw new InvalidOperationException($"no scripted answer for request #{_sent.Count}: {sent.Uri}");
    }
}

internal sealed class HangException : Exception;
