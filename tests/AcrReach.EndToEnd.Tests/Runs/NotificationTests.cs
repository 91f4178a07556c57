using AcrReach.TestSupport;
using System.Text.Json;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.EndToEnd.Tests.Runs;

public sealed class NotificationTests
{
    [Fact]
    public async Task Each_run_publishes_one_message_with_schema_version_first_and_every_request_id()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.ApplyAsync();

        var message = Assert.Single(engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName));
        Assert.Equal(report.Notification!.MessageId, message.MessageId);
        Assert.StartsWith("{\"schemaVersion\":1,", message.DecodedBody, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(message.DecodedBody!);
        var root = json.RootElement;
        Assert.Equal(
            ["schemaVersion", "trigger", "runId", "account", "scope", "mode", "outcome", "planId", "plan", "steps", "verification", "stale", "startedAt", "duration", "error", "checks", "onPremises"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((report.RunId, "1234567890123456", "test"), (root.GetProperty("runId").GetString(), root.GetProperty("account").GetString(), root.GetProperty("trigger").GetString()));
        Assert.Equal(report.PlanId, root.GetProperty("plan").GetProperty("planId").GetString());
        Assert.Equal(["planId", "actions", "dns", "findings"], root.GetProperty("plan").EnumerateObject().Select(p => p.Name));
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(4, steps.Count);
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("requestId").GetString())));
        Assert.Equal(report.Steps.Select(s => s.RequestId), steps.Select(s => s.GetProperty("requestId").GetString()));
        Assert.True(root.GetProperty("verification").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task A_message_that_cannot_be_published_is_reported_as_such()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.ApplyAsync(new ReconcilerOptions { Queue = "no-such-queue" });

        Assert.True(report.NotificationFailed);
        Assert.Null(report.Notification!.MessageId);
        Assert.Contains("QueueNotExist", report.Notification.Error, StringComparison.Ordinal);
        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        Assert.All(report.Steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
    }
}
