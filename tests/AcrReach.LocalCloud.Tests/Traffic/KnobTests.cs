using System.Diagnostics;
using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Traffic;

public sealed class KnobTests
{
    private static readonly Dictionary<string, string> Hangzhou = P("RegionId", "cn-hangzhou");

    private static readonly Dictionary<string, string> CreateRoute =
        P("RegionId", "cn-shanghai", "RouteTableId", "vtb-sh2", "DestinationCidrBlock", "100.103.7.181/32", "NextHopType", "Attachment", "NextHopId", "tr-attach-sh2");

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await using var cloud = await LocalCloudServer.StartAsync(Cloud.Scenario(), new LocalCloudOptions { LatencyMs = 150 });
        using var client = new CloudClient(cloud, TimeProvider.System);

        var watch = Stopwatch.StartNew();
        var answer = await client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(watch.ElapsedMilliseconds >= 140, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Throttle_rate_one_answers_every_call_Throttling_User_with_a_retry_hint_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { ThrottleRate = 1 });
        var before = cloud.State();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute);

        Assert.Equal((HttpStatusCode.BadRequest, "Throttling.User"), (answer.Status, answer.Code));
        Assert.NotNull(answer.Header("x-acs-retry-after"));
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Same_seed_throttles_the_same_calls()
    {
        async Task<string> Pattern(int seed)
        {
            await using var cloud = await Cloud.StartAsync(o => o with { ThrottleRate = 0.5, Seed = seed, Qps = new Dictionary<string, int> { ["*"] = 0 } });
            var outcomes = new List<char>();
            for (var i = 0; i < 24; i++)
            {
                outcomes.Add((await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou)).Status == HttpStatusCode.OK ? 'o' : 't');
            }

            return new string([.. outcomes]);
        }

        var first = await Pattern(7);
        var second = await Pattern(7);

        Assert.Equal(first, second);
        Assert.Contains('o', first);
        Assert.Contains('t', first);
    }

    [Fact]
    public async Task Fault_rate_one_answers_5xx_service_errors_and_changes_nothing()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { FaultRate = 1, Qps = new Dictionary<string, int> { ["*"] = 0 } });
        var before = cloud.State();
        var codes = new HashSet<(HttpStatusCode, string?)>();

        for (var i = 0; i < 12; i++)
        {
            var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute);
            codes.Add((answer.Status, answer.Code));
        }

        Assert.Equal([(HttpStatusCode.InternalServerError, "InternalError"), (HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")], codes.Order());
        Assert.Equal(before, cloud.State());
    }

    [Fact]
    public async Task Qps_limit_throttles_the_calls_over_it_within_one_second()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { Qps = new Dictionary<string, int> { ["DescribeVpcs"] = 2 } });

        var first = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);
        var second = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);
        var third = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);
        var otherAction = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVSwitches", Hangzhou);
        cloud.Time.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [first.Status, second.Status]);
        Assert.Equal("Throttling.User", third.Code);
        Assert.Equal(HttpStatusCode.OK, otherAction.Status);
        Assert.Equal(HttpStatusCode.OK, nextSecond.Status);
        Assert.Equal(new Dictionary<string, int> { ["DescribeVpcs"] = 1 }, cloud.Server.RateLimited());
    }

    [Fact]
    public async Task A_random_throttle_is_not_counted_as_going_over_a_rate_limit()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { ThrottleRate = 1, Qps = new Dictionary<string, int> { ["*"] = 0 } });

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);

        Assert.Equal("Throttling.User", answer.Code);
        Assert.Empty(cloud.Server.RateLimited());
    }

    [Fact]
    public async Task Default_qps_table_limits_route_writes()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { SettleTime = TimeSpan.Zero });
        var limit = LocalCloudOptions.DefaultQps["CreateRouteEntry"];
        var throttled = 0;

        for (var i = 0; i <= limit; i++)
        {
            var route = new Dictionary<string, string>(CreateRoute) { ["DestinationCidrBlock"] = $"100.103.7.{i + 1}/32" };
            throttled += (await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", route)).Code == "Throttling.User" ? 1 : 0;
        }

        Assert.Equal(1, throttled);
    }

    [Fact]
    public async Task Scripted_fault_fails_the_next_calls_of_its_action_then_stops_without_changing_state()
    {
        await using var cloud = await Cloud.StartAsync();
        cloud.Server.AddFault(new ScriptedFault("CreateRouteEntry", 2, "TaskConflict", 400));
        var before = cloud.State();

        var read = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Hangzhou);
        var first = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute);
        var second = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute);
        var stateAfterFaults = cloud.State();
        var third = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", CreateRoute);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(("TaskConflict", "TaskConflict"), (first.Code, second.Code));
        Assert.Equal(before, stateAfterFaults);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Scripted_wildcard_fault_hits_any_action_including_mns()
    {
        await using var cloud = await Cloud.StartAsync();
        cloud.Server.AddFault(new ScriptedFault("*", 1, "ServiceUnavailable", 503, "down for a moment"));

        var answer = await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouters");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"), (answer.Status, answer.Code));
        Assert.Equal("down for a moment", answer.Json.GetProperty("Message").GetString());
    }
}
