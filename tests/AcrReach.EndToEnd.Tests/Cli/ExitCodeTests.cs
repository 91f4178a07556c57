using System.Text.Json;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Cli;

/// <summary>
/// Exit codes that tell the truth, as a script sees them: 2 for a failed step or a run that could not read, even when
/// its message could not be published either; 3 only when the run itself succeeded. (A dead endpoint: UnreachableEndpointTests;
/// publish-only failure: CliTests.)
/// </summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task A_failed_step_is_exit_2_partially_applied_with_the_cloud_error_and_still_published()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        engine.Cloud.AddFault(new ScriptedFault("CreateRouteEntry", 100, "Forbidden.RAM", 403, "not allowed"));

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--output", "json");

        Assert.Equal(2, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("PartiallyApplied", report.GetProperty("outcome").GetString());
        var failed = report.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("outcome").GetString() == "Failed").ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, s => Assert.Contains("Forbidden.RAM", s.GetProperty("error").ToString(), StringComparison.Ordinal));
        Assert.Single(engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName));
    }

    [Fact]
    public async Task A_failed_step_whose_message_is_not_published_either_is_still_exit_2_not_3()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        engine.Cloud.AddFault(new ScriptedFault("CreateRouteEntry", 100, "Forbidden.RAM", 403, "not allowed"));

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--queue", "no-such-queue");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PartiallyApplied", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOT PUBLISHED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_with_a_key_the_cloud_refuses_is_exit_2_and_writes_nothing()
    {
        await using var engine = await LocalCloudRig.StartAsync(configure: options => options with { AccessKeyId = "a-key-nobody-has", AccessKeySecret = "its-secret" });

        var run = await CliRun.Invoke("sweep", "--endpoint", engine.Cloud.Endpoint.ToString(), "--repair");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("InvalidAccessKeyId", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, engine.NetworkWriteCalls());
    }

    [Fact]
    public async Task A_conflict_no_route_can_fix_is_exit_2_blocked()
    {
        await using var engine = await LocalCloudRig.StartAsync("route-conflict");

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(": Blocked", run.Output, StringComparison.Ordinal);
        Assert.Contains("RouteConflict", run.Output, StringComparison.Ordinal);
    }
}
