using System.Diagnostics;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>Per-API QPS limits of the local cloud against the client's retries and its own rate limiter.</summary>
public sealed class QpsLimitTests
{
    private static Dictionary<string, int> Limit(int perSecond) => new() { ["*"] = 0, ["DescribeVpcs"] = perSecond };

    [Fact]
    public async Task Exceeding_an_apis_limit_is_Throttling_User_for_that_api_only_until_the_second_is_over()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { Qps = Limit(1), TimeProvider = Rig.FakeClock() }, client: o => o with { Retry = Rig.NoRetries });
        var vpc = rig.Apis.Vpc(Rig.Hangzhou);

        await vpc.DescribeVpcsAsync(new DescribeVpcsRequest());
        var error = await Assert.ThrowsAsync<CloudApiException>(() => vpc.DescribeVpcsAsync(new DescribeVpcsRequest()));
        var otherApi = await vpc.DescribeVSwitchesAsync(new DescribeVSwitchesRequest());
        rig.Clock!.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await vpc.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal(("Throttling.User", true), (error.Code, error.IsTransient));
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(4, otherApi.TotalCount);
        Assert.Equal(2, nextSecond.TotalCount);
    }

    [Fact]
    public async Task A_burst_over_the_limit_succeeds_because_the_client_waits_as_long_as_the_service_asks()
    {
        const int Burst = 5;
        await using var rig = await Rig.StartAsync(
            cloud: o => o with { Qps = Limit(2) },
            client: o => o with { Retry = Rig.FastRetries with { MaxRetryAttempts = 6, MaxDelay = TimeSpan.FromSeconds(2) } });
        var vpc = rig.Apis.Vpc(Rig.Hangzhou);

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => vpc.DescribeVpcsAsync(new DescribeVpcsRequest())));

        Assert.All(answers, a => Assert.Equal(2, a.TotalCount));
        Assert.True(rig.Calls("DescribeVpcs") > Burst, $"{rig.Calls("DescribeVpcs")} calls: at most 4 of 5 fit in two seconds' windows, so some were throttled and retried");
    }

    [Fact]
    public async Task The_clients_rate_limiter_keeps_a_series_under_the_limit_so_nothing_is_throttled()
    {
        const int Series = 5;
        await using var rig = await Rig.StartAsync(
            cloud: o => o with { Qps = Limit(4) },
            client: o => o with
            {
                Retry = Rig.NoRetries,
                RateLimits = new RateLimitOptions { Burst = 1, PerAction = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("vpc:DescribeVpcs", 3) },
            });
        var vpc = rig.Apis.Vpc(Rig.Hangzhou);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < Series; i++)
        {
            await vpc.DescribeVpcsAsync(new DescribeVpcsRequest());
        }

        // Three per second, one at a time: the five calls are spaced a third of a second apart at least.
        Assert.True(watch.ElapsedMilliseconds >= 1300, $"five calls took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(Series, rig.Calls("DescribeVpcs"));
    }
}
