using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Notify;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Tracing;

namespace AcrReach.Cloud.Tests.Notify;

public sealed class NotificationMessageTests
{
    [Fact]
    public void The_message_starts_with_the_schema_version_and_names_the_run()
    {
        var json = NotificationMessage.Serialize(Report(paths: 1), maxBytes: 64 * 1024);

        Assert.StartsWith("{\"schemaVersion\":1,\"trigger\":\"sweep\",\"runId\":\"run-1\",\"account\":\"123\",", json, StringComparison.Ordinal);
        Assert.DoesNotContain("truncated", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_too_large_for_the_queue_drops_detail_says_so_and_keeps_the_broken_paths()
    {
        var report = Report(paths: 2000);

        var json = NotificationMessage.Serialize(report, maxBytes: 16 * 1024);

        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, 16 * 1024);
        using var message = JsonDocument.Parse(json);
        var root = message.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("truncated").GetBoolean());
        Assert.Equal(report.PlanId, root.GetProperty("planId").GetString());
        Assert.False(root.GetProperty("verification").GetProperty("reachable").GetBoolean());
        Assert.All(root.GetProperty("verification").GetProperty("paths").EnumerateArray(), p => Assert.False(p.GetProperty("reached").GetBoolean()));
    }

    [Fact]
    public void A_message_too_large_for_the_queue_keeps_only_the_checks_that_failed()
    {
        var report = Report(paths: 2000);
        report = report with { Checks = PathChecks.Of(EmptyAccount, report.Verification!, []) };

        var json = NotificationMessage.Serialize(report, maxBytes: 32 * 1024);

        using var message = JsonDocument.Parse(json);
        var checks = message.RootElement.GetProperty("checks");
        var check = Assert.Single(checks.EnumerateArray());
        Assert.False(check.GetProperty("routed").GetBoolean());
        Assert.Equal("vpc-0", check.GetProperty("source").GetString());
        Assert.Equal(PathChecks.YourDnsDetail, check.GetProperty("dnsDetail").GetString());
    }

    /// <summary>An account in which no path's source is a VPC (the seed: its VPC ids are not vpc-0, vpc-1, ...).</summary>
    private static readonly AcrReach.Core.Topology.Account EmptyAccount = AcrReach.Core.Scenarios.ScenarioReader.Read(File.ReadAllBytes(SeedPath()), SeedPath());

    private static string SeedPath([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "scenarios", "seed-hangzhou-shanghai.json"));

    private static ApplyReport Report(int paths)
    {
        var hop = new Hop(HopKind.Vpc, "vpc-sh2", "cn-shanghai", "vtb-sh2", null, new MatchedRoute(Cidr.Parse("10.0.0.0/8"), "Attachment", "tr-attach-sh2", RouteProvenance.Existing), HopResult.Forwarded, "tr-sh");
        var traces = Enumerable.Range(0, paths).Select(i => new PathTrace(
            PathDirection.Forward, $"vpc-{i}", "cri-1", EndpointKind.Registry, "reg-registry-vpc.cn-hangzhou.cr.aliyuncs.com", Cidr.Parse("10.94.205.198/32"), $"vtb-{i}",
            i == 0 ? PathOutcome.NoRoute : PathOutcome.Reached, Arrival.AtVpc("vpc-hz1"), i == 0 ? null : Arrival.AtVpc("vpc-hz1"), [hop, hop, hop])).ToImmutableArray();
        var plan = new Plan("plan-1", [], [], []);
        return new ApplyReport
        {
            RunId = "run-1",
            PlanId = plan.PlanId,
            Steps = [],
            Verification = new Verification(false, traces),
            Outcome = ReconcileOutcome.DriftReported,
            Mode = ReconcileMode.ReportOnly,
            Trigger = "sweep",
            Scope = "account",
            Account = "123",
            Plan = plan,
            StartedAt = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.FromSeconds(1),
        };
    }
}
