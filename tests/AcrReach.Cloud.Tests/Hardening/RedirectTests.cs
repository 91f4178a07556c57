using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Hardening;

// A redirect followed by the HTTP stack would carry x-acs-security-token (and MNS's security-token) to the host a
// 3xx names: only Authorization is dropped on a redirect, never the other credential headers.
public sealed class RedirectTests
{
    private static CloudClientFactory Client(Uri endpoint) => new(new CloudOptions
    {
        Endpoint = endpoint,
        Credentials = new StaticCredentialProvider(new CloudCredentials("STS.redirect-test", "redirect-test-secret", "CAIS-redirect-test-token")),
        Retry = new RetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) },
    });

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task An_openapi_call_answered_with_a_redirect_fails_naming_the_status_and_the_second_host_hears_nothing(int status)
    {
        await using var elsewhere = new RawHttpServer(200, body: """{"RequestId":"elsewhere","Vpcs":{"Vpc":[]}}""");
        await using var cloud = new RawHttpServer(status, [("Location", new Uri(elsewhere.Address, "/?stolen=1").ToString())]);
        using var factory = Client(cloud.Address);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => factory.Create().Vpc("cn-hangzhou").DescribeVpcsAsync(new() { }));

        Assert.Equal(status, error.HttpStatus);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Single(cloud.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Publishing_a_message_answered_with_a_redirect_fails_and_the_second_host_hears_nothing()
    {
        await using var elsewhere = new RawHttpServer(201, body: "<Message><MessageId>m-1</MessageId></Message>");
        await using var cloud = new RawHttpServer(307, [("Location", new Uri(elsewhere.Address, "/queues/q/messages").ToString())]);
        using var factory = Client(cloud.Address);

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            factory.Create().Mns("1234567890123456", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "acr-reach-results", MessageBody = "{}" }));

        Assert.Equal(307, error.HttpStatus);
        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.Single(cloud.Requests);
        Assert.Empty(elsewhere.Requests);
    }
}
