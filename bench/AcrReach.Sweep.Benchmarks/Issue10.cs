using System.Globalization;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>Issue 10's Must-show numbers, measured side by side in one process; targets printed beside.</summary>
internal static class Issue10
{
    public static async Task<int> RunAsync(string suite, Func<string, int, int> arg, Func<string, string?> text)
    {
        var latencyMs = arg("--latency-ms", 50);
        var regions = arg("--regions", 10);
        var settle = TimeSpan.FromMilliseconds(arg("--settle-ms", 1000));
        Console.WriteLine($"local cloud: {latencyMs} ms latency per call, per-API QPS limits (reads 100/s, writes 20/s, CR 50/s), entries in force {settle.TotalSeconds:0.0} s after their write; the client paces each API at 90%");
        if (suite is "events" or "all")
        {
            var sizes = (text("--sizes") ?? "500,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var burst = arg("--burst", 100);
            var single = new List<EventBenchmark.Result>();
            foreach (var size in sizes)
            {
                var generated = BenchAccounts.Generate(size, regions);
                Console.WriteLine();
                Console.WriteLine($"one attachment event, {size} VPCs in {regions} regions:");
                var result = await EventBenchmark.RunAsync(generated, 1, latencyMs, settle);
                EventBenchmark.Print(result, details: true);
                single.Add(result);
                if (size == sizes.Max() && burst > 0)
                {
                    Console.WriteLine();
                    Console.WriteLine($"a burst of {burst} attachment events in one invocation, {size} VPCs:");
                    var many = await EventBenchmark.RunAsync(generated, burst, latencyMs, settle);
                    EventBenchmark.Print(many, details: true);
                    Console.WriteLine($"    target: calls <= 1.2 x the sum of the lower bounds: {many.Calls / (double)many.Bound:0.00} {Verdict(many.Converged && many.Calls <= 1.2 * many.Bound)}; no call refused for the rate limits: {Verdict(many.RateLimited == 0)}");
                }
            }

            if (single.Count >= 2)
            {
                var (small, large) = (single[0], single[^1]);
                Console.WriteLine();
                Console.WriteLine($"one event: calls {small.Calls} on {small.Vpcs} VPCs, {large.Calls} on {large.Vpcs} VPCs: ratio {large.Calls / (double)small.Calls:0.00} (target <= 1.2 x + 10: {Verdict(large.Calls <= (1.2 * small.Calls) + 10)}); "
                    + $"at most 150 calls: {Verdict(large.Calls <= 150)}; under 10 s on {large.Vpcs} VPCs: {large.Elapsed.TotalSeconds:0.0} s {Verdict(large.Elapsed < TimeSpan.FromSeconds(10))}");
            }
        }

        if (suite is "fan-out" or "all")
        {
            var size = arg("--vpcs", 5000);
            Console.WriteLine();
            Console.WriteLine($"the fanned-out sweep, {size} VPCs in {regions} regions:");
            // The worker's reserved concurrency, as s.yaml sets it (0: none, every shard at once).
            var reserved = arg("--worker-concurrency", 2);
            var result = await FanOutBenchmark.RunAsync(BenchAccounts.Generate(size, regions), latencyMs, settle, TimeSpan.FromSeconds(arg("--max-wait-s", 1800)), reserved);
            FanOutBenchmark.Print(result);
        }

        return 0;
    }

    public static string Verdict(bool met) => met ? "met" : "MISSED";
}
