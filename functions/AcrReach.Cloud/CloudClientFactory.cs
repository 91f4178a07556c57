using System.Net;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud;

/// <summary>
/// The composition root of the cloud client: one HttpClient, one retry pipeline and one set of rate limits for
/// the process, and <see cref="Create"/> to get the typed APIs for a set of credentials.
/// </summary>
public sealed class CloudClientFactory : IDisposable
{
    private readonly Func<string>? _nonce;

    public CloudClientFactory(CloudOptions options, TimeProvider? time = null, HttpMessageHandler? handler = null)
        : this(options, time, handler, nonce: null)
    {
    }

    internal CloudClientFactory(CloudOptions options, TimeProvider? time, HttpMessageHandler? handler, Func<string>? nonce)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Time = time ?? TimeProvider.System;
        _nonce = nonce;
        Endpoints = new EndpointResolver(options.Endpoint);
        RateLimiter = new ApiRateLimiter(options.RateLimits, Time);
        Pipeline = new CallPipeline(options.Retry, RateLimiter, Time);

        // Per-attempt timeouts come from the pipeline (on the injected clock), not from HttpClient.
        Http = new HttpClient(handler ?? DefaultHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public CloudOptions Options { get; }

    public TimeProvider Time { get; }

    public EndpointResolver Endpoints { get; }

    public ApiRateLimiter RateLimiter { get; }

    public CallPipeline Pipeline { get; }

    internal HttpClient Http { get; }

    /// <summary>Fixed nonces for tests; null: random ones.</summary>
    internal Func<string>? Nonce => _nonce;

    /// <summary>
    /// The typed APIs calling with <paramref name="credentials"/>; without, with <see cref="CloudOptions.Credentials"/>
    /// or else the default chain for the current user. In FC, pass
    /// <see cref="FunctionComputeCredentials.FromRequestHeaders"/> per invocation.
    /// </summary>
    public CloudApis Create(ICredentialProvider? credentials = null)
    {
        var provider = credentials ?? Options.Credentials ?? DefaultCredentialChain.ForCurrentUser();
        var client = new OpenApiClient(Http, Pipeline, Endpoints, provider, Time, Options.Signature, Options.UserAgent, _nonce);
        return new CloudApis(this, client, provider);
    }

    public void Dispose() => Http.Dispose();

    private static SocketsHttpHandler DefaultHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,

        // A followed redirect drops Authorization but keeps x-acs-security-token and MNS's security-token: the
        // credentials would reach whatever host a 3xx names. No Alibaba Cloud API redirects; a 3xx is an error.
        AllowAutoRedirect = false,
    };
}
