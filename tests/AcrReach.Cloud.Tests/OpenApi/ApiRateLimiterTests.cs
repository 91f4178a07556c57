using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.Cloud.Tests.OpenApi;

public class ApiRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(TestCloud.Start);

    private static bool Passed(ValueTask wait) => wait.IsCompleted;

    [Fact]
    public void Lets_a_burst_through_then_one_call_per_interval()
    {
        var limiter = new ApiRateLimiter(new RateLimitOptions { ReadQps = 2, Burst = 3 }, _time);
        var op = VpcOperations.DescribeVpcs;

        Assert.True(Passed(limiter.WaitAsync(op, default)));
        Assert.True(Passed(limiter.WaitAsync(op, default)));
        Assert.True(Passed(limiter.WaitAsync(op, default)));
        var fourth = limiter.WaitAsync(op, default);
        Assert.False(Passed(fourth));

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(fourth.IsCompleted);
    }

    [Fact]
    public void Queued_callers_are_spaced_one_interval_apart()
    {
        var limiter = new ApiRateLimiter(new RateLimitOptions { ReadQps = 4, Burst = 1 }, _time);
        var op = VpcOperations.DescribeVSwitches;

        Assert.True(Passed(limiter.WaitAsync(op, default)));
        var second = limiter.WaitAsync(op, default).AsTask();
        var third = limiter.WaitAsync(op, default).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void Each_action_has_its_own_bucket()
    {
        var limiter = new ApiRateLimiter(new RateLimitOptions { ReadQps = 1, Burst = 1 }, _time);

        Assert.True(Passed(limiter.WaitAsync(VpcOperations.DescribeVpcs, default)));
        Assert.False(Passed(limiter.WaitAsync(VpcOperations.DescribeVpcs, default)));
        Assert.True(Passed(limiter.WaitAsync(VpcOperations.DescribeRouteTableList, default)));
    }

    [Fact]
    public void Writes_use_the_write_rate_and_per_action_overrides_win()
    {
        var options = new RateLimitOptions
        {
            ReadQps = 10,
            WriteQps = 5,
            PerAction = ImmutableDictionary<string, double>.Empty.Add("vpc:DescribeVpcs", 0.5),
        };

        Assert.Equal(5, options.QpsFor(VpcOperations.CreateRouteEntry));
        Assert.Equal(10, options.QpsFor(VpcOperations.DescribeVSwitches));
        Assert.Equal(0.5, options.QpsFor(VpcOperations.DescribeVpcs));
    }

    [Fact]
    public void Turned_off_it_never_waits()
    {
        var limiter = new ApiRateLimiter(new RateLimitOptions { Enabled = false, ReadQps = 0.001, Burst = 1 }, _time);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(Passed(limiter.WaitAsync(VpcOperations.DescribeVpcs, default)));
        }
    }

    [Fact]
    public void A_burst_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiRateLimiter(new RateLimitOptions { Burst = 0 }, _time));
    }

    [Fact]
    public async Task Holds_back_calls_of_the_client_on_the_wire()
    {
        using var cloud = new TestCloud(new CloudOptions { RateLimits = new RateLimitOptions { ReadQps = 1, Burst = 1 } });
        cloud.Handler.Fallback = _ => FakeHandler.Respond(System.Net.HttpStatusCode.OK, """{ "Vpcs": { "Vpc": [] } }""", "application/json");
        var vpc = cloud.Apis.Vpc("cn-hangzhou");

        await vpc.DescribeVpcsAsync(new DescribeVpcsRequest());
        var second = vpc.DescribeVpcsAsync(new DescribeVpcsRequest());
        await Task.Delay(50);
        Assert.Single(cloud.Handler.Sent);

        cloud.Time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.Equal(2, cloud.Handler.Sent.Count);
    }
}
