using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.Cloud.Tests.Support;

/// <summary>A cloud client over a <see cref="FakeHandler"/> and a <see cref="FakeTimeProvider"/>, with fixed credentials and nonces.</summary>
public sealed class TestCloud : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private int _nonce;

    public TestCloud(CloudOptions? options = null, CloudCredentials? credentials = null, Func<string>? nonce = null)
    {
        Options = (options ?? new CloudOptions()) with
        {
            Credentials = new StaticCredentialProvider(credentials ?? new CloudCredentials("testid", "testsecret")),
        };
        if (options?.RateLimits is null)
        {
            Options = Options with { RateLimits = new RateLimitOptions { Enabled = false } };
        }

        Factory = new CloudClientFactory(Options, Time, Handler, nonce ?? (() => $"nonce-{Interlocked.Increment(ref _nonce)}"));
        Apis = Factory.Create();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeHandler Handler { get; } = new();

    public CloudOptions Options { get; }

    public CloudClientFactory Factory { get; }

    public CloudApis Apis { get; }

    public SentRequest LastSent => Handler.Sent[^1];

    /// <summary>Lets a call that waits on the fake clock finish: advances time in steps until it does.</summary>
    public async Task<T> Settle<T>(Task<T> call, TimeSpan? step = null)
    {
        for (var i = 0; i < 10_000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
        }

        return await call;
    }

    public void Dispose() => Factory.Dispose();
}
