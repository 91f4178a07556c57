using System.Diagnostics;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>The latency knob as the client feels it. Only a lower bound is asserted: a busy machine may add more.</summary>
public sealed class LatencyTests
{
    private const int LatencyMs = 150;

    [Fact]
    public async Task Every_openapi_and_mns_call_takes_at_least_the_configured_latency()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { LatencyMs = LatencyMs });

        var read = Stopwatch.StartNew();
        await rig.Apis.Vpc(Rig.Hangzhou).DescribeVpcsAsync(new DescribeVpcsRequest());
        read.Stop();
        var send = Stopwatch.StartNew();
        await rig.Apis.Mns(rig.Server.AccountId, Rig.Hangzhou).SendMessageAsync(new SendMessageRequest { QueueName = LocalCloudOptions.DefaultQueueName, MessageBody = "{}" });
        send.Stop();

        // A few milliseconds of slack for timer granularity, never an upper bound.
        Assert.True(read.ElapsedMilliseconds >= LatencyMs - 5, $"DescribeVpcs answered after {read.ElapsedMilliseconds} ms");
        Assert.True(send.ElapsedMilliseconds >= LatencyMs - 5, $"SendMessage answered after {send.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_call_slower_than_the_attempt_timeout_is_a_transient_RequestTimeout_retried_then_given_up()
    {
        await using var rig = await Rig.StartAsync(
            cloud: o => o with { LatencyMs = 500 },
            client: o => o with { Retry = Rig.FastRetries with { MaxRetryAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(100) } });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1" }));

        Assert.Equal((CloudApiException.RequestTimeoutCode, 0, true), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal(2, rig.Calls("ListTransitRouters"));
    }
}
