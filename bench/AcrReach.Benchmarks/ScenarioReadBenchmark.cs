using System.Diagnostics;
using System.Globalization;
using System.Text;
using AcrReach.Core.Scenarios;

namespace AcrReach.Benchmarks;

/// <summary>
/// Reading a scenario whose one VPC route table has N entries, for two sizes ten times apart: the time per entry must
/// stay flat (a duplicate-destination check against every earlier entry once made 100,000 entries take about 25 s).
/// </summary>
internal static class ScenarioReadBenchmark
{
    public static int Run(int runs)
    {
        int[] sizes = [10_000, 100_000];
        Console.WriteLine($"acr-reach scenario read benchmark: one VPC route table of N entries, {runs} measured read(s) after a warm-up");
        Console.WriteLine();
        Console.WriteLine($"{"entries",8} {"file MB",8} {"read ms min",12} {"median",8} {"µs/entry",9} {"alloc MB",9}");
        var perEntry = new List<double>();
        foreach (var size in sizes)
        {
            var json = Encoding.UTF8.GetBytes(Scenario(size));
            ScenarioReader.Read(json, "bench.json");
            var times = new List<double>();
            long allocated = 0;
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var account = ScenarioReader.Read(json, "bench.json");
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (account.Vpcs[0].RouteTables[0].Entries.Length != size + 1)
                {
                    throw new InvalidOperationException("the table lost entries");
                }
            }

            times.Sort();
            perEntry.Add(times[0] * 1000 / size);
            Console.WriteLine($"{size,8:N0} {json.Length / 1024.0 / 1024.0,8:F1} {times[0],12:F0} {times[times.Count / 2],8:F0} {perEntry[^1],9:F2} {allocated / 1024.0 / 1024.0,9:F0}");
        }

        Console.WriteLine();
        Console.WriteLine($"time ratio 100k / 10k (least of each): {perEntry[1] * 10 / perEntry[0]:F1}x for 10x the entries (linear: about 10x)");
        return 0;
    }

    private static string Scenario(int entries)
    {
        var text = new StringBuilder("""
            { "accountId": "1", "vpcs": [{ "id": "vpc-a", "region": "cn-hangzhou", "cidrs": ["172.16.0.0/16"],
              "vswitches": [{ "id": "vsw-a", "zone": "cn-hangzhou-j", "cidr": "172.16.0.0/24", "routeTableId": "vtb-a" }],
              "routeTables": [{ "id": "vtb-a", "type": "System", "entries": [
                { "destination": "172.16.0.0/24", "nextHopType": "Local" }
            """);
        for (var i = 0; i < entries; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $",\n    {{ \"destination\": \"10.{(i >> 16) & 0xFF}.{(i >> 8) & 0xFF}.{i & 0xFF}/32\", \"nextHopType\": \"Instance\", \"nextHopId\": \"i-bp1{i:x8}\", \"name\": \"route-{i}\" }}");
        }

        return text.Append("]}]}]}").ToString();
    }
}
