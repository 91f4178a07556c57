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
    private readonly ConcurrentQueue<int> _batchSizes = new();

    public ApplierWaitingTests() => _cloud.Handler.Fallback = Answer;

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Looks_after_a_write_on_the_poll_schedule_until_it_is_in_force()
    {
        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"));

        Assert.Equal(StepOutcome.Applied, Assert.Single(steps).Outcome);
        var looks = _calls.Where(c => c.Action == "DescribeRouteEntryList").Select(c => c.At).ToList();
        var created = _calls.Single(c => c.Action == "CreateRouteEntries").At;
        // Written first (the batch itself says what exists), looked at at once after it, then after each pause of the schedule.
        Assert.Equal("CreateRouteEntries", _calls.First().Action);
        Assert.Equal(created, looks[0]);
        var pauses = looks.Zip(looks.Skip(1)).Select(p => p.Second - p.First).ToList();
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
        var creates = _calls.Where(c => c.Action == "CreateRouteEntries").ToList();
        Assert.Equal(3, creates.Count);
        Assert.All(creates, c => Assert.True(c.At - started < InForceAfter, $"{c.Table} was written {(c.At - started).TotalSeconds} s in, after another VPC's write was in force"));
        Assert.InRange(_calls.Max(c => c.At) - started, InForceAfter, InForceAfter * 1.5);
    }

    [Fact]
    public async Task Writes_the_routes_of_one_vpc_in_one_call_and_waits_for_them_together_one_look_per_table()
    {
        var started = _cloud.Time.GetUtcNow();

        var steps = await ApplyAsync(Route("vtb-a", "vpc-a"), Route("vtb-a2", "vpc-a"), Route("vtb-a3", "vpc-a"), Route("vtb-a", "vpc-a", "100.118.28.43/32"));

        Assert.All(steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        Assert.Single(_calls, c => c.Action == "CreateRouteEntries");
        var looks = _calls.Where(c => c.Action == "DescribeRouteEntryList").ToList();
        // Each round looks once at each table, both of vtb-a's destinations in one call.
        var perTable = looks.GroupBy(l => l.Table).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["vtb-a", "vtb-a2", "vtb-a3"], perTable.Keys.Order(StringComparer.Ordinal));
        Assert.Single(perTable.Values.Distinct());
        Assert.InRange(_calls.Max(c => c.At) - started, InForceAfter, InForceAfter * 1.5);
    }

    [Fact]
    public async Task More_routes_than_one_call_takes_go_in_calls_of_fifty_each_after_the_one_before_is_in_force_and_looked_at_about_then()
    {
        var routes = Enumerable.Range(1, 60).Select(i => Route("vtb-a", "vpc-a", $"100.118.28.{i}/32")).ToArray<PlanAction>();

        var steps = await ApplyAsync(routes);

        Assert.All(steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var creates = _calls.Where(c => c.Action == "CreateRouteEntries").OrderBy(c => c.At).Select(c => c.At).ToList();
        Assert.Equal([50, 10], _batchSizes);
        Assert.True(creates[1] - creates[0] >= InForceAfter, "the second call went out while the first one's routes were still pending");

        // The first call learns (at once, then the schedule: six looks); the second looks a little short of what it took, then once more.
        var looksAfterSecond = _calls.Count(c => c.Action == "DescribeRouteEntryList" && c.At >= creates[1]);
        Assert.InRange(looksAfterSecond, 1, 2 * 3);
    }

    private async Task<IReadOnlyList<StepReport>> ApplyAsync(params PlanAction[] actions)
    {
        var account = new Account("1", [], [], [], RegionalEndpoints.Empty, Core.Endpoints.OssVipRanges.Published, [], ReachPolicy.Default);
        var applying = new Applier(_cloud.Apis, time: _cloud.Time).ApplyAsync(new Plan("plan-test", [.. actions], [], []), account);
        return await _cloud.Settle(applying, ClockStep);
    }

    private static CreateVpcRoute Route(string table, string vpc, string destination = "100.103.7.181/32") =>
        new(table, Cidr.Parse(destination), "Attachment", "tr-attach-" + vpc, "cn-shanghai", vpc, "auth for " + vpc);

    private HttpResponseMessage Answer(SentRequest sent)
    {
        var now = _cloud.Time.GetUtcNow();
        var action = sent.Header("x-acs-action");
        if (action == "CreateRouteEntries")
        {
            var count = sent.Query.Keys.Count(k => k.EndsWith(".RouteTableId", StringComparison.Ordinal));
            _batchSizes.Enqueue(count);
            _calls.Enqueue((action, sent.Query["RouteEntries.1.RouteTableId"], now));
            var ids = new List<string>();
            for (var i = 1; i <= count; i++)
            {
                var key = (sent.Query[$"RouteEntries.{i}.RouteTableId"], sent.Query[$"RouteEntries.{i}.DstCidrBlock"]);
                _created.TryAdd(key, (now, sent.Query[$"RouteEntries.{i}.NextHop"]));
                ids.Add(Id(key));
            }

            return Json($$"""{ "RequestId": "create", "SuccessCount": {{count}}, "FailedCount": 0, "RouteEntryIds": [{{string.Join(",", ids.Select(i => $"\"{i}\""))}}], "FailedRouteEntries": [] }""");
        }

        var table = sent.Query["RouteTableId"];
        _calls.Enqueue((action, table, now));
        var entries = sent.Query.Where(p => p.Key.StartsWith("DestCidrBlockList.", StringComparison.Ordinal))
            .Select(p => (Key: (table, p.Value), Found: _created.TryGetValue((table, p.Value), out var created), Created: created))
            .Where(e => e.Found)
            .Select(e => $$"""
                { "RouteEntryId": "{{Id(e.Key)}}", "RouteTableId": "{{table}}", "DestinationCidrBlock": "{{e.Key.Value}}", "Type": "Custom",
                  "Status": "{{(now - e.Created.At >= InForceAfter ? "Available" : "Pending")}}", "NextHops": { "NextHop": [ { "NextHopType": "Attachment", "NextHopId": "{{e.Created.NextHop}}" } ] } }
                """);
        return Json($$"""{ "RequestId": "look", "RouteEntrys": { "RouteEntry": [ {{string.Join(",", entries)}} ] } }""");
    }

    private static string Id((string Table, string Destination) key) => $"rte-{key.Table}-{key.Destination.Replace('/', '-')}";

    private static HttpResponseMessage Json(string body) => FakeHandler.Respond(HttpStatusCode.OK, body, "application/json");
}
