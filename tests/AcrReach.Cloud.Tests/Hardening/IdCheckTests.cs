using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Hardening;

// Every id that becomes part of a host name is checked before the host is built: on the real endpoints a region like
// "x@127.0.0.1:8080/#" makes https://vpc.x@127.0.0.1:8080/#.aliyuncs.com, a signed request to a host of someone's choosing.
public sealed class IdCheckTests
{
    [Theory]
    [InlineData("x@127.0.0.1:8080/#")]
    [InlineData("evil.example.com/")]
    [InlineData("cn-hangzhou\n")]
    public async Task A_regional_call_with_a_region_that_is_not_a_region_id_fails_as_InvalidId_and_sends_nothing(string region)
    {
        using var cloud = new TestCloud(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 0 } });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Apis.Vpc(region).DescribeVpcsAsync(new()));

        Assert.Equal(CloudApiException.InvalidIdCode, error.Code);
        Assert.Contains("is not a region id", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Empty(cloud.Handler.Sent);
    }

    [Fact]
    public void Regions_the_endpoint_map_names_still_resolve_and_well_formed_ones_follow_the_rule()
    {
        Assert.Equal("vpc-inner-pre.cn-hangzhou.aliyuncs.com", EndpointResolver.Host(CloudProduct.Vpc, "cn-hangzhou-internal-test-2"));
        Assert.Equal("cr.ap-southeast-1.aliyuncs.com", EndpointResolver.Host(CloudProduct.Cr, "ap-southeast-1"));
    }

    [Theory]
    [InlineData("1234@evil.example.com/#", "cn-hangzhou")]
    [InlineData("evil.example.com", "cn-hangzhou")]
    [InlineData("1234567890123456", "cn-hangzhou.evil.example.com/#")]
    public void An_mns_endpoint_is_built_only_from_an_account_id_and_a_region_id(string account, string region)
    {
        var error = Assert.Throws<CloudApiException>(() => new EndpointResolver().ResolveMns(account, region));

        Assert.Equal(CloudApiException.InvalidIdCode, error.Code);
    }

    [Fact]
    public async Task Publishing_to_a_queue_of_a_malformed_account_is_a_failed_receipt_and_sends_nothing()
    {
        using var cloud = new TestCloud();

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            cloud.Apis.Mns("1@evil.example.com/#", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "acr-reach-results", MessageBody = "{}" }));

        Assert.Equal(CloudApiException.InvalidIdCode, error.Code);
        Assert.Empty(cloud.Handler.Sent);
    }

    [Theory]
    [InlineData("evil.example.com/#", "cn-hangzhou")]
    [InlineData("reg@127.0.0.1:8080", "cn-hangzhou")]
    [InlineData("my-registry", "cn-hangzhou.evil.example.com/#")]
    public async Task The_registry_challenge_is_not_fetched_from_a_host_a_malformed_instance_name_or_region_would_make(string instanceName, string region)
    {
        var handler = new FakeHandler();
        using var http = new HttpClient(handler);

        var realm = await new DnsEndpointLookup(http, TimeProvider.System).AuthRealmAsync(region, instanceName, CancellationToken.None);

        Assert.Null(realm);
        Assert.Empty(handler.Sent);
    }
}
