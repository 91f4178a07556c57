using System.Collections.Concurrent;
using System.Net;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Apply;

/// <summary>
/// How the applier waits for its writes to be in force, on a fake clock against a fake VPC API whose routes turn Available
/// a fixed time after their create: when it looks, and which waits overlap.
/// </summary>
public sealed class ApplierWaitingTests : IDisposable
{
    private static readonly TimeSpan InForceAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClockStep = TimeSpan.FromMilliseconds(5);

    private readonly TestCloud _cloud = new(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 0 } });
    private readonly ConcurrentDictionary<(string Table, string Destination), (DateTimeOffset At, string NextHop)> _created = new();
    private readonly ConcurrentQueue<(string Action, string Table, DateTimeOffset At)> _calls = new();

    public ApplierWaitingTests() => _cloud.Handler.Fallback = Answer;

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Looks_again_after_a_write_on_the_poll_schedule_until_it_is_in_force()
    {
        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"));

        Assert.Equal(StepOutcome.Applied, Assert.Single(steps).Outcome);
        var looks = _calls.Where(c => c.Action == "DescribeRouteEntryList").Select(c => c.At).ToList();
        var created = _calls.Single(c => c.Action == "CreateRouteEntry").At;
        // Looked for before the create, at once after it, then after each pause of the schedule.
        Assert.Equal(created, looks[1]);
        var pauses = looks.Skip(1).Zip(looks.Skip(2)).Select(p => p.Second - p.First).ToList();
        var schedule = PollSchedule.Pauses(pauses.Count, new ApplierOptions().PollInterval, new ApplierOptions().MaxPollInterval).ToList();
        Assert.All(pauses.Zip(schedule), p => Assert.InRange(p.First, p.Second, p.Second + (2 * ClockStep)));

        // The look that finds it in force comes less than half the wait again after the moment it was (100 ms + 150 + 225 + 337.5 + 506.25 = 1.32 s).
        Assert.InRange(looks[^1] - created, InForceAfter, InForceAfter * 1.5);
        Assert.Equal(5, pauses.Count);
    }

    [Fact]
    public async Task Waits_for_the_routes_of_different_vpcs_at_the_same_time()
    {
        var started = _cloud.Time.GetUtcNow();

        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"), Route("vtb-b", "vpc-b"), Route("vtb-c", "vpc-c"));

        Assert.All(steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var creates = _calls.Where(c => c.Action == "CreateRouteEntry").ToList();
        Assert.Equal(3, creates.Count);
        Assert.All(creates, c => Assert.True(c.At - started < InForceAfter, $"{c.Table} was written {(c.At - started).TotalSeconds} s in, after another VPC's write was in force"));
        Assert.InRange(_calls.Max(c => c.At) - started, InForceAfter, InForceAfter * 1.5);
    }

    [Fact]
    public async Task Writes_to_one_vpc_one_at_a_time_each_after_the_one_before_is_in_force()
    {
        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"), Route("vtb-a2", "vpc-a"));

        Assert.All(steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var creates = _calls.Where(c => c.Action == "CreateRouteEntry").OrderBy(c => c.At).ToList();
        Assert.True(creates[1].At - creates[0].At >= InForceAfter, "the second write of the VPC went out while the first was still pending");
    }

    [Fact]
    public async Task A_later_write_of_the_same_kind_is_first_looked_at_about_when_the_earlier_one_was_in_force()
    {
        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"), Route("vtb-a2", "vpc-a"), Route("vtb-a3", "vpc-a"));

        Assert.All(steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var looksAfterCreate = _calls.OrderBy(c => c.At).GroupBy(c => c.Table).ToDictionary(
            g => g.Key,
            g => g.SkipWhile(c => c.Action != "CreateRouteEntry").Count(c => c.Action == "DescribeRouteEntryList"));

        // The first write learns (at once, then the schedule: six looks); the later ones look a little short of what it
        // took, then once more.
        Assert.Equal(6, looksAfterCreate["vtb-a"]);
        Assert.InRange(looksAfterCreate["vtb-a2"], 1, 2);
        Assert.InRange(looksAfterCreate["vtb-a3"], 1, 2);
        var creates = _calls.Where(c => c.Action == "CreateRouteEntry").OrderBy(c => c.At).Select(c => c.At).ToList();
        Assert.True(creates[2] - creates[1] < creates[1] - creates[0], "the later write waited no less than the first");
    }

    private async Task<IReadOnlyList<StepReport>> ApplyAsync(params PlanAction[] actions)
    {
        var account = new Account("1", [], [], [], RegionalEndpoints.Empty, Core.Endpoints.OssVipRanges.Published, [], ReachPolicy.Default);
        var applying = new Applier(_cloud.Apis, time: _cloud.Time).ApplyAsync(new Plan("plan-test", [.. actions], [], []), account);
        return await _cloud.Settle(applying, ClockStep);
    }

    private static CreateVpcRoute Route(string table, string vpc) =>
        new(table, Cidr.Parse("100.103.7.181/32"), "Attachment", "tr-attach-" + vpc, "cn-shanghai", vpc, "auth for " + vpc);

    private HttpResponseMessage Answer(SentRequest sent)
    {
        var now = _cloud.Time.GetUtcNow();
        var action = sent.Header("x-acs-action");
        var table = sent.Query["RouteTableId"];
        _calls.Enqueue((action, table, now));
        var key = (table, sent.Query["DestinationCidrBlock"]);
        if (action == "CreateRouteEntry")
        {
            _created.TryAdd(key, (now, sent.Query["NextHopId"]));
            return Json("""{ "RequestId": "create", "RouteEntryId": "rte-1" }""");
        }

        if (!_created.TryGetValue(key, out var created))
        {
            return Json("""{ "RequestId": "look", "RouteEntrys": { "RouteEntry": [] } }""");
        }

        var status = now - created.At >= InForceAfter ? "Available" : "Pending";
        return Json($$"""
            { "RequestId": "look", "RouteEntrys": { "RouteEntry": [ { "RouteEntryId": "rte-1", "RouteTableId": "{{table}}", "DestinationCidrBlock": "{{key.Item2}}",
              "Type": "Custom", "Status": "{{status}}", "NextHops": { "NextHop": [ { "NextHopType": "Attachment", "NextHopId": "{{created.NextHop}}" } ] } } ] } }
            """);
    }

    private static HttpResponseMessage Json(string body) => FakeHandler.Respond(HttpStatusCode.OK, body, "application/json");
}
