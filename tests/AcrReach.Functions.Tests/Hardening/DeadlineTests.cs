using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Hardening;

public sealed class DeadlineTests
{
    [Fact]
    public async Task A_run_past_the_functions_time_stops_reports_what_it_did_and_still_publishes_one_message()
    {
        // 6 s of function timeout leave 1 s for the run; every call to the local cloud takes 150 ms.
        await using var rig = await CloudRig.StartAsync(
            FunctionKind.OnAttachment,
            configure: config => config with { FunctionTimeout = TimeSpan.FromSeconds(6) },
            cloudOptions: options => options with { LatencyMs = 150 });

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

        Assert.Equal("404", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("DeadlineExceeded", report.GetProperty("outcome").GetString());
        Assert.Equal("DeadlineExceeded", report.GetProperty("error").GetProperty("code").GetString());
        var message = Assert.Single(rig.Messages());
        Assert.Equal("DeadlineExceeded", (string?)message["outcome"]);
        Assert.Equal(report.GetProperty("runId").GetString(), (string?)message["runId"]);
    }
}
