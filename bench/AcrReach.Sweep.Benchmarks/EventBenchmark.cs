using System.Text.Json.Nodes;
using AcrReach.Core.Planning;
using AcrReach.Functions.Hosting;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>
/// Attachment events through the on-attachment function's host: one event for one just-attached VPC, and a burst of
/// events in one invocation, each measured by the calls the local cloud counted, the calls refused for the rate limits,
/// and the time from the event to the host's answer (routes written, in force, verified, message published).
/// </summary>
internal static class EventBenchmark
{
    public sealed record Result(int Vpcs, int Events, int Calls, int Bound, int UnionBound, int RateLimited, TimeSpan Elapsed, bool Converged, string FcStatus, SortedDictionary<string, int> PerAction, SortedDictionary<string, int> BoundPerAction, string Outcomes);

    public static async Task<Result> RunAsync(BenchAccounts.Generated generated, int events, int latencyMs, TimeSpan settle)
    {
        var vpcs = BenchAccounts.Spread(generated.Converged, events).Select(v => v.Id).ToArray();
        var account = BenchAccounts.WithFreshVpcs(generated, vpcs);
        var bounds = vpcs.Select((vpc, i) => PathBound.ForVpc(account, vpc).Append(PathBound.Message($"run {i}")).ToList()).ToList();
        var sum = bounds.Sum(b => b.Sum(c => c.Value));
        var union = bounds.SelectMany(b => b.Where(c => !c.Key.StartsWith("SendMessage|", StringComparison.Ordinal))).DistinctBy(c => c.Key).Sum(c => c.Value) + 1;

        await using var rig = await BenchRig.StartAsync(account, latencyMs, settle);
        var host = await rig.StartHostAsync(FunctionKind.OnAttachment);
        var body = events == 1
            ? BenchRig.AttachmentEvent(account, vpcs[0]).ToJsonString()
            : new JsonArray([.. vpcs.Select(v => (JsonNode)BenchRig.AttachmentEvent(account, v))]).ToJsonString();
        rig.Cloud.ResetCalls();
        var (status, answer, elapsed) = await rig.InvokeAsync(host, body);
        var calls = new SortedDictionary<string, int>(rig.Cloud.Calls().ToDictionary(), StringComparer.Ordinal);
        var limited = rig.Cloud.RateLimited().Values.Sum();
        if (status != "200")
        {
            Console.WriteLine($"    the host answered x-fc-status {status}: {Truncate(answer.ToJsonString(), 2000)}");
        }

        var after = rig.Cloud.Snapshot();
        var converged = vpcs.All(vpc => Planner.Plan(after, PlanScope.ForSource(vpc)).Actions.IsEmpty && Planner.Verify(after, PlanScope.ForSource(vpc)).Reachable);
        var outcomes = string.Join(", ", (answer["runs"]?.AsArray() ?? []).GroupBy(r => r?["report"]?["outcome"]?.ToString() ?? "?").Select(g => $"{g.Count()} {g.Key}"))
            + ((answer["deferred"]?.AsArray().Count ?? 0) is var deferred and > 0 ? $", {deferred} deferred" : string.Empty);
        return new Result(generated.Converged.Vpcs.Length, vpcs.Length, calls.Values.Sum(), sum, union, limited, elapsed, converged, status, calls, PathBound.PerAction(bounds.SelectMany(b => b).DistinctBy(c => c.Key)), outcomes);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";

    public static void Print(Result r, bool details)
    {
        Console.WriteLine($"  {r.Vpcs} VPCs, {r.Events} event(s): x-fc-status {r.FcStatus}, runs {r.Outcomes}; routes {(r.Converged ? "in place and verified" : "NOT converged")}");
        Console.WriteLine($"    calls {r.Calls}, lower bound {r.Bound} (sum over the events; {r.UnionBound} with shared reads once), ratio {r.Calls / (double)r.Bound:0.00}; refused for the rate limits: {r.RateLimited}; event to answer {r.Elapsed.TotalSeconds:0.00} s");
        if (details)
        {
            Console.WriteLine($"    {"action",-42} {"calls",7} {"bound",7}");
            foreach (var action in r.PerAction.Keys.Union(r.BoundPerAction.Keys).Order(StringComparer.Ordinal))
            {
                Console.WriteLine($"    {action,-42} {r.PerAction.GetValueOrDefault(action),7} {r.BoundPerAction.GetValueOrDefault(action),7}");
            }
        }
    }
}
