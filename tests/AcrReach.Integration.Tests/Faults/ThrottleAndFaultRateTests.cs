using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>The random throttle and 5xx knobs (seeded, so every run draws the same refusals) against the client's retries.</summary>
public sealed class ThrottleAndFaultRateTests
{
    private const int Reads = 12;

    private static readonly RetryOptions Patient = Rig.FastRetries with { MaxRetryAttempts = 12 };

    [Fact]
    public async Task Under_a_throttle_rate_the_client_retries_until_every_read_succeeds()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { ThrottleRate = 0.5, Seed = 7 }, client: o => o with { Retry = Patient });
        var vpc = rig.Apis.Vpc(Rig.Hangzhou);

        for (var i = 0; i < Reads; i++)
        {
            Assert.Equal(2, (await vpc.DescribeVpcsAsync(new DescribeVpcsRequest())).TotalCount);
        }

        Assert.True(rig.Calls("DescribeVpcs") > Reads, $"{rig.Calls("DescribeVpcs")} calls: some were throttled and retried");
    }

    [Fact]
    public async Task With_retries_off_a_throttled_call_fails_with_transient_Throttling_User_and_the_wait_asked_for()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { ThrottleRate = 1 }, client: o => o with { Retry = Rig.NoRetries });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Vpc(Rig.Hangzhou).DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal(("Throttling.User", 400, true, "vpc:DescribeVpcs"), (error.Code, error.HttpStatus, error.IsTransient, error.Action));
        Assert.True(error.RetryAfter > TimeSpan.Zero, "x-acs-retry-after is read");
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(1, rig.Calls("DescribeVpcs"));
    }

    [Fact]
    public async Task Under_a_fault_rate_reads_and_a_write_succeed_and_the_write_lands_once()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { FaultRate = 0.5, Seed = 3 }, client: o => o with { Retry = Patient });
        var vpc = rig.Apis.Vpc(Rig.Shanghai);

        for (var i = 0; i < Reads; i++)
        {
            Assert.Single((await vpc.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Vpc);
        }

        await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai);

        Assert.True(rig.Calls("DescribeVpcs") > Reads, $"{rig.Calls("DescribeVpcs")} calls: some met a 5xx and were retried");
        Assert.Equal(1, rig.Server.Snapshot().CountTo("vpc-sh2", "vtb-sh2", "100.103.7.181/32"));
    }

    [Fact]
    public async Task When_every_call_fails_with_5xx_the_client_gives_up_after_its_retries_with_a_transient_error_and_nothing_changed()
    {
        await using var rig = await Rig.StartAsync(cloud: o => o with { FaultRate = 1 }, client: o => o with { Retry = Rig.FastRetries with { MaxRetryAttempts = 2 } });
        var before = rig.State();

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai));

        Assert.Contains(error.Code, new[] { "ServiceUnavailable", "InternalError" });
        Assert.True(error.HttpStatus >= 500 && error.IsTransient, $"{error.Code} {error.HttpStatus}");
        Assert.Equal(3, rig.Calls("CreateRouteEntry"));
        Assert.Equal(before, rig.State());
    }
}
