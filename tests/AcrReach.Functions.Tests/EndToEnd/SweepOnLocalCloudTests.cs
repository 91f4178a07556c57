using System.Net.Http.Json;
using AcrReach.Cloud.Vpc;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>The sweep with the real engine on the local cloud: report-only writes nothing, repair mends drift.</summary>
public sealed class SweepOnLocalCloudTests
{
    private static readonly string Report = EventFiles.Read("timer-sweep-report.json");
    private static readonly string Repair = EventFiles.Read("timer-sweep-repair.json");

    [Fact]
    public async Task A_report_sweep_reports_the_drift_and_writes_nothing()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Sweep);

        using var response = await rig.InvokeAsync(Report);

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("DriftReported", report.GetProperty("outcome").GetString());
        Assert.Equal(4, report.GetProperty("skipped").GetInt32());
        Assert.False(report.GetProperty("reachable").GetBoolean());
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.MarkedRoutes());
        var message = Assert.Single(rig.Messages());
        Assert.Equal(("sweep", "ReportOnly", "DriftReported"), ((string?)message["trigger"], (string?)message["mode"], (string?)message["outcome"]));
    }

    [Fact]
    public async Task A_repair_sweep_puts_back_a_route_deleted_behind_acr_reachs_back()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Sweep);
        using var converge = await rig.InvokeAsync(Repair, "r-1");
        await rig.Apis.Vpc("cn-shanghai").DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.118.28.43/32" });
        await WaitUntilAsync(() => !rig.MarkedRoutes().Contains("vtb-sh2 100.118.28.43/32 -> tr-attach-sh2"));
        rig.Cloud.ResetCalls();

        using var drift = await rig.InvokeAsync(Report, "r-2");
        var writesWhileReporting = rig.NetworkWriteCalls();
        using var repair = await rig.InvokeAsync(Repair, "r-3");

        Assert.Equal(0, writesWhileReporting);
        var reported = await drift.RunReportAsync();
        Assert.Equal(("DriftReported", 1), (reported.GetProperty("outcome").GetString(), reported.GetProperty("skipped").GetInt32()));
        var repaired = await repair.RunReportAsync();
        Assert.Equal(("Repaired", 1), (repaired.GetProperty("outcome").GetString(), repaired.GetProperty("applied").GetInt32()));
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
        rig.AssertConverged();
    }

    [Fact]
    public async Task A_repair_sweep_routes_the_new_oss_address_when_the_name_resolves_elsewhere()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Sweep);
        using var converge = await rig.InvokeAsync(Repair, "r-1");
        using var control = new HttpClient { BaseAddress = rig.Cloud.Endpoint };
        (await control.PutAsJsonAsync("_local/resolve", new { region = "cn-hangzhou", name = "oss-cn-hangzhou-internal.aliyuncs.com", address = "100.118.28.99" })).EnsureSuccessStatusCode();

        using var repair = await rig.InvokeAsync(Repair, "r-2");

        Assert.Equal("200", repair.FcStatus());
        Assert.Equal("Repaired", (await repair.RunReportAsync()).GetProperty("outcome").GetString());
        Assert.Contains("vtb-sh2 100.118.28.99/32 -> tr-attach-sh2", rig.MarkedRoutes());
        var message = rig.Messages()[^1];
        Assert.Equal("100.118.28.43/32", (string?)Assert.Single(message["stale"]!.AsArray())!["destination"]);
    }

    [Fact]
    public async Task The_same_timer_event_twice_writes_nothing_the_second_time()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Sweep);

        using var first = await rig.InvokeAsync(Repair, "r-1");
        rig.Cloud.ResetCalls();
        using var second = await rig.InvokeAsync(Repair, "r-2");

        Assert.Equal(["200", "200"], new[] { first.FcStatus(), second.FcStatus() });
        Assert.Equal("InSync", (await second.RunReportAsync()).GetProperty("outcome").GetString());
        Assert.Equal(0, rig.NetworkWriteCalls());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
