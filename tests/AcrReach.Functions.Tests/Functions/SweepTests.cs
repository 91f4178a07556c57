using System.Net;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

// The host's own behaviour, with a recording engine double; on the local cloud: EndToEnd/SweepOnLocalCloudTests.
public sealed class SweepTests
{
    [Theory]
    [InlineData("timer-sweep-report.json", false, ReconcileMode.ReportOnly)]
    [InlineData("timer-sweep-repair.json", false, ReconcileMode.Repair)]
    [InlineData("timer-sweep-default.json", false, ReconcileMode.ReportOnly)]
    [InlineData("timer-sweep-default.json", true, ReconcileMode.Repair)]
    [InlineData("timer-sweep-report.json", true, ReconcileMode.ReportOnly)]
    public async Task Sweeps_the_whole_account_in_the_mode_the_payload_or_else_the_configuration_says(string file, bool repairByDefault, ReconcileMode mode)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep, config => config with { SweepRepair = repairByDefault });

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(WholeAccount.Instance, request.Scope);
        Assert.Equal(Triggers.Sweep, request.Trigger);
        Assert.Equal(mode, request.Mode);
        Assert.Equal(TimeSpan.Zero, request.ReadyTimeout);
    }

    [Theory]
    [InlineData("", ReconcileMode.ReportOnly)]
    [InlineData("{\"mode\":\"repair\"}", ReconcileMode.Repair)]
    public async Task Runs_a_manual_invocation_in_the_configured_or_asked_mode(string body, ReconcileMode mode)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(body);

        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(Triggers.SweepByHand, request.Trigger);
        Assert.Equal(mode, request.Mode);
    }

    [Fact]
    public async Task Refuses_a_payload_asking_for_an_unknown_mode_without_sweeping()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-bad-mode.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("MalformedEvent", error.GetProperty("code").GetString());
        Assert.Contains("delete-everything", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Runs_the_same_timer_event_twice_as_two_identical_sweeps()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);
        var body = EventFiles.Read("timer-sweep-repair.json");

        using var first = await host.InvokeAsync(body, "r-1");
        using var second = await host.InvokeAsync(body, "r-2");

        Assert.Equal(["200", "200"], new[] { first.FcStatus(), second.FcStatus() });
        var requests = host.Engine.Reconciles.ToArray();
        Assert.Equal(requests[0], requests[1]);
    }

    [Fact]
    public async Task Answers_with_the_run_it_started()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);
        host.Engine.Outcome = ReconcileOutcome.DriftReported;

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-report.json"), "r-5");

        var body = await response.JsonAsync();
        Assert.Equal("sweep", body.GetProperty("function").GetString());
        Assert.Equal("r-5", body.GetProperty("requestId").GetString());
        var run = Assert.Single(body.GetProperty("runs").EnumerateArray());
        Assert.Equal("account", run.GetProperty("scope").GetString());
        Assert.Equal("DriftReported", run.GetProperty("report").GetProperty("outcome").GetString());
        Assert.Equal(host.Engine.Planned(WholeAccount.Instance).Plan.PlanId, run.GetProperty("report").GetProperty("planId").GetString());
        Assert.Equal("msg-0001", run.GetProperty("report").GetProperty("notification").GetProperty("messageId").GetString());
    }
}
