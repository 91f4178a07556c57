using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using AcrReach.Benchmarks;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;
using AcrReach.Sweep.Benchmarks;

// A converged compliance sweep over a generated account on the local cloud, with latency on every call and the local
// cloud's per-API QPS limits (a real account's limits are per API too):
//   dotnet run -c Release --project bench/AcrReach.Sweep.Benchmarks [-- --vpcs 500 --regions 10 --latency-ms 50 --runs 2]
// It reports the calls made against the lower bound (the pages that must be read), the writes (0 when converged),
// and the wall time against the bound the rate limits set. Not a test: numbers for a person, targets printed beside.
// Issue 10's numbers side by side (one event on two sizes, a burst, the fanned-out sweep):
//   dotnet run -c Release --project bench/AcrReach.Sweep.Benchmarks -- --suite events [--sizes 500,5000] [--burst 100] [--settle-ms 1000]
//   dotnet run -c Release --project bench/AcrReach.Sweep.Benchmarks -- --suite fan-out [--vpcs 5000] [--worker-concurrency 2]
if (Text("--suite") is { } suite)
{
    return await Issue10.RunAsync(suite, Arg, Text);
}

var vpcCount = Arg("--vpcs", 500);
var regionCount = Arg("--regions", 10);
var latencyMs = Arg("--latency-ms", 50);
var runs = Arg("--runs", 2);

var generated = SyntheticAccounts.Generate(vpcCount, regionCount, seed: 42);
var account = Converge(generated);
var serverQps = LocalCloudOptions.DefaultQps;
var bound = LowerBound.Calls(account);
var entries = account.Vpcs.Sum(v => v.RouteTables.Sum(t => t.Entries.Length)) + account.TransitRouters.Sum(r => r.RouteTables.Sum(t => t.Entries.Length));
Console.WriteLine($"acr-reach sweep benchmark: {account.Vpcs.Length} VPCs in {regionCount} regions, {account.Vpcs.Sum(v => v.RouteTables.Length)} VPC route tables, {entries} route entries, {account.Registries.Length} registries, {account.DataCenters.Length} data centers");
Console.WriteLine($"local cloud: {latencyMs} ms latency per call, per-API QPS limits (reads 100/s, CR 50/s); the client paces each API at 90% of its limit");
Console.WriteLine();

await using var cloud = await LocalCloudServer.StartAsync(account, new LocalCloudOptions { LatencyMs = latencyMs, SettleTime = TimeSpan.Zero });
using var factory = new CloudClientFactory(new CloudOptions
{
    Endpoint = cloud.Endpoint,
    Credentials = new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret)),
    RateLimits = new RateLimitOptions
    {
        Burst = 2,
        PerAction = ApiCatalog.Operations.Where(o => serverQps.ContainsKey(o.Action)).ToImmutableDictionary(o => o.RamAction, o => serverQps[o.Action] * 0.9),
    },
});

var rateBound = bound.Max(c => c.Value / (double)serverQps[c.Key]);
const int DependentSteps = 4; // ListTransitRouters -> route tables -> entries; ListInstanceRegion -> ListInstance -> endpoint; then SendMessage
var wallBound = TimeSpan.FromSeconds(rateBound + (DependentSteps * latencyMs / 1000.0));
for (var run = 1; run <= runs; run++)
{
    cloud.ResetCalls();
    var stopwatch = Stopwatch.StartNew();
    var report = await Reconciler.Create(factory, null, new ReconcilerOptions { Discovery = new DiscoveryOptions { MaxConcurrentCallsPerApi = 8 } })
        .RunAsync(new ReconcileRequest(WholeAccount.Instance, "benchmark", ReconcileMode.ReportOnly));
    stopwatch.Stop();
    var calls = new SortedDictionary<string, int>(cloud.Calls().ToDictionary(), StringComparer.Ordinal);
    var made = calls.Values.Sum();
    var writes = calls.Where(c => c.Key.StartsWith("Create", StringComparison.Ordinal) || c.Key.StartsWith("Delete", StringComparison.Ordinal) || c.Key is "AddZone" or "AddZoneRecord" or "BindZoneVpc").Sum(c => c.Value);
    var least = bound.Values.Sum();

    Console.WriteLine($"run {run}{(run == 1 ? " (includes JIT warm-up)" : string.Empty)}: {report.Outcome}, {report.Plan?.Actions.Length} action(s), verification {(report.Verification?.Reachable == true ? "reachable" : "NOT reachable")}");
    Console.WriteLine($"  calls made      {made,7}   lower bound {least,6}   ratio {made / (double)least,5:0.000}   (target <= 1.1)  {Verdict(made <= least * 1.1)}");
    Console.WriteLine($"  writes          {writes,7}                                    (target 0)      {Verdict(writes == 0)}");
    Console.WriteLine($"  wall time       {stopwatch.Elapsed.TotalSeconds,7:0.00} s rate-limit bound {wallBound.TotalSeconds,5:0.00} s ratio {stopwatch.Elapsed / wallBound,5:0.000}   (target <= 1.5)  {Verdict(stopwatch.Elapsed <= wallBound * 1.5)}");
    if (run == runs)
    {
        Console.WriteLine();
        Console.WriteLine($"  {"action",-42} {"calls",6} {"bound",6} {"QPS",5} {"bound s",8}");
        foreach (var action in bound.Keys.Union(calls.Keys).Order(StringComparer.Ordinal))
        {
            var qps = serverQps.GetValueOrDefault(action);
            Console.WriteLine($"  {action,-42} {calls.GetValueOrDefault(action),6} {bound.GetValueOrDefault(action),6} {qps,5} {(qps == 0 ? 0 : bound.GetValueOrDefault(action) / (double)qps),8:0.00}");
        }
    }
}

return 0;

static string Verdict(bool met) => met ? "met" : "MISSED";

int Arg(string name, int fallback) =>
    Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

// The account as AcrReach leaves it: plans applied in the model until nothing is left to add (a VPC link's address
// needs a second plan), so the sweep measures reading, not writing.
static Account Converge(Account account)
{
    for (var round = 0; round < 4; round++)
    {
        var plan = Planner.Plan(account);
        if (plan.Actions.IsEmpty)
        {
            return account;
        }

        account = PlanProjection.Apply(account, plan);
    }

    return account;
}
