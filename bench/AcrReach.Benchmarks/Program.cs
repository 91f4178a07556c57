using System.Diagnostics;
using AcrReach.Benchmarks;
using AcrReach.Core.Planning;

// Plan time and memory for synthetic accounts of growing size, on one core, each size in its own process so the
// peak working set belongs to that size alone:
//   dotnet run -c Release --project bench/AcrReach.Benchmarks [-- --quick]
// Reading a scenario with one large route table (10,000 and 100,000 entries):
//   dotnet run -c Release --project bench/AcrReach.Benchmarks -- --scenario-read [--quick]
const int Regions = 20;
var quick = args.Contains("--quick");
var runs = quick ? 1 : 5;
if (args.Contains("--scenario-read"))
{
    return ScenarioReadBenchmark.Run(runs);
}

if (args.SkipWhile(a => a != "--size").Skip(1).FirstOrDefault() is { } single)
{
    Measure(int.Parse(single, System.Globalization.CultureInfo.InvariantCulture), runs);
    return 0;
}

int[] sizes = quick ? [100, 1_000] : [100, 1_000, 5_000];
Console.WriteLine($"acr-reach planner benchmark: {Regions} regions, 3 route tables of {SyntheticAccounts.EntriesPerTable} entries per VPC, one core, {runs} measured run(s) after a warm-up, one process per size");
Console.WriteLine();
Console.WriteLine($"{"VPCs",6} {"route entries",14} {"actions",8} {"paths",7} {"plan ms min",12} {"median",8} {"CPU ms",8} {"µs/VPC",7} {"alloc MB",9} {"GC ms",6} {"verify ms",10} {"account MB",11} {"peak WS MB",11}");
foreach (var size in sizes)
{
    var self = typeof(SyntheticAccounts).Assembly.Location;
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        start.ArgumentList.Add(self);
    }

    foreach (var arg in (string[])[.. args.Where(a => a == "--quick"), "--size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)])
    {
        start.ArgumentList.Add(arg);
    }

    using var child = Process.Start(start)!;
    Console.Write(child.StandardOutput.ReadToEnd());
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        return child.ExitCode;
    }
}

Console.WriteLine();
Console.WriteLine("CPU ms is the least CPU time of one plan (GC included; the machine may be shared, wall time is noisier);");
Console.WriteLine("µs/VPC (CPU) staying flat as the account grows means plan time grows linearly; account MB is the model alone");
Console.WriteLine("(managed heap after generating it); peak WS is the whole process: account, planner and runtime.");
return 0;

static void Measure(int size, int runs)
{
    if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    {
        Process.GetCurrentProcess().ProcessorAffinity = 1;
    }

    var account = SyntheticAccounts.Generate(size, Regions, seed: 42);
    var accountBytes = GC.GetTotalMemory(forceFullCollection: true);
    var entries = account.Vpcs.Sum(v => v.RouteTables.Sum(t => t.Entries.Length)) + account.TransitRouters.Sum(r => r.RouteTables.Sum(t => t.Entries.Length));
    var expected = PlanJson.Serialize(Planner.Plan(account));
    var times = new List<double>();
    var gcMs = new List<double>();
    var cpu = new List<double>();
    long allocated = 0;
    Plan plan = null!;
    for (var run = 0; run < runs; run++)
    {
        plan = null!;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        plan = Planner.Plan(account);
        times.Add(clock.Elapsed.TotalMilliseconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        gcMs.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (PlanJson.Serialize(plan) != expected)
        {
            throw new InvalidOperationException("the plan changed between runs");
        }
    }

    Planner.Verify(account);
    var verifyClock = Stopwatch.StartNew();
    Planner.Verify(account);
    var verifyMs = verifyClock.Elapsed.TotalMilliseconds;
    times.Sort();
    gcMs.Sort();
    cpu.Sort();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"{size,6} {entries,14:N0} {plan.Actions.Length,8:N0} {plan.Paths.Length,7:N0} {times[0],12:F0} {times[times.Count / 2],8:F0} {cpu[0],8:F0} {cpu[0] * 1000 / size,7:F0} {allocated / 1024.0 / 1024.0,9:F0} {gcMs[gcMs.Count / 2],6:F0} {verifyMs,10:F0} {accountBytes / 1024.0 / 1024.0,11:F0} {peak,11:F0}");
}
