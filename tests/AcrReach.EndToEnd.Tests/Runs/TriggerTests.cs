using AcrReach.TestSupport;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>What the function host asks of the engine: scoped runs, waiting until ready, approval by plan id, status.</summary>
public sealed class TriggerTests
{
    private static readonly ReconcilerOptions QuickReadiness = new() { ReadyPoll = TimeSpan.FromMilliseconds(20), MaxReadyPoll = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task An_attachment_event_reconciles_the_network_behind_it_once_it_is_attached()
    {
        await using var engine = await LocalCloudRig.StartAsync("datacenter-vbr");
        var account = engine.Cloud.Snapshot();
        var vbr = account.TransitRouters.SelectMany(r => r.Attachments).First(a => a.Type == AttachmentType.Vbr);

        var report = await engine.Reconciler(QuickReadiness).RunAsync(new ReconcileRequest(
            new AttachmentNetwork(AttachmentType.Vbr, vbr.Id, null, null, null), "on-attachment", ReconcileMode.Repair, TimeSpan.FromSeconds(5)));

        Assert.True(report.Outcome.IsConverged(), $"{report.Outcome}: {report.Error}");
        Assert.Equal(Planner.Plan(account, PlanScope.ForSource(vbr.DataCenter!)).PlanId, report.PlanId);
        Assert.All(report.Verification!.Paths, p => Assert.Equal(vbr.DataCenter, p.Source));
    }

    [Fact]
    public async Task An_attachment_that_never_becomes_attached_is_not_ready_and_nothing_is_written()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.Reconciler(QuickReadiness).RunAsync(new ReconcileRequest(
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-nope", null, null, "cn-shanghai"), "on-attachment", ReconcileMode.Repair, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(ReconcileOutcome.NotReady, report.Outcome);
        Assert.Contains("tr-attach-nope", report.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(report.Steps);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.NotNull(report.Notification!.MessageId);
    }

    [Fact]
    public async Task An_attachment_still_unlisted_after_the_grace_is_not_found_well_before_the_wait_ends()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.Reconciler(QuickReadiness with { NotFoundGrace = TimeSpan.FromMilliseconds(150) }).RunAsync(new ReconcileRequest(
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-nope", null, null, "cn-shanghai"), "on-attachment", ReconcileMode.Repair, TimeSpan.FromSeconds(30)));

        Assert.Equal(ReconcileOutcome.NotFound, report.Outcome);
        Assert.Contains("tr-attach-nope", report.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(report.Steps);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.NotNull(report.Notification!.MessageId);
    }

    [Fact]
    public async Task A_registry_event_waits_for_running_and_reconciles_every_network_naming_it()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.Reconciler(QuickReadiness).RunAsync(new ReconcileRequest(
            new RegistryNetworks("cri-xxxxxx", null), "on-registry", ReconcileMode.Repair, TimeSpan.FromSeconds(5)));

        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        Assert.Equal(4, report.Count(StepOutcome.Applied));
    }

    [Fact]
    public async Task A_region_scope_plans_only_the_networks_of_that_region()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var hangzhou = await engine.Reconciler().PlanAsync(new RegionNetworks("cn-hangzhou"));
        var shanghai = await engine.Reconciler().PlanAsync(new RegionNetworks("cn-shanghai"));

        Assert.Empty(hangzhou.Plan.Actions);
        Assert.Empty(hangzhou.Now.Paths);
        Assert.Equal(4, shanghai.Plan.Actions.Length);
    }

    [Fact]
    public async Task Apply_by_plan_id_applies_an_unchanged_plan_and_refuses_a_stale_one_writing_nothing()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var planned = await engine.Reconciler().PlanAsync(new OneNetwork("vpc-sh2"));

        var stale = await engine.Reconciler().ApplyPlanAsync("plan-0000000000000000", new ReconcileRequest(new OneNetwork("vpc-sh2"), "chatops", ReconcileMode.Repair));
        var writesAfterStale = engine.NetworkWriteCalls();
        var approved = await engine.Reconciler().ApplyPlanAsync(planned.Plan.PlanId, new ReconcileRequest(new OneNetwork("vpc-sh2"), "chatops", ReconcileMode.Repair));

        Assert.False(stale.Applied);
        Assert.Equal(planned.Plan.PlanId, stale.Current.Plan.PlanId);
        Assert.Equal(0, writesAfterStale);
        Assert.True(approved.Applied);
        Assert.Equal(ReconcileOutcome.Repaired, approved.Report!.Outcome);
        Assert.Equal("chatops", approved.Report.Trigger);
    }

    [Fact]
    public async Task Status_says_for_each_rule_whether_it_holds()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var before = await engine.Reconciler().StatusAsync();
        await engine.ApplyAsync();
        var after = await engine.Reconciler().StatusAsync();

        Assert.Equal(new RuleStatus("vpc-sh2", "cri-xxxxxx", false, 4, 0), Assert.Single(before.Rules));
        Assert.Equal(new RuleStatus("vpc-sh2", "cri-xxxxxx", true, 0, 0), Assert.Single(after.Rules));
    }

    [Fact]
    public async Task Linking_a_vpc_of_the_registrys_region_is_followed_by_a_round_that_routes_the_address_the_link_got()
    {
        await using var engine = await LocalCloudRig.StartAsync("pending-link");
        var plan = Planner.Plan(engine.Cloud.Snapshot());
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.PendingLink);

        var report = await engine.ApplyAsync();

        Assert.NotEmpty(report.FollowUpPlanIds);
        Assert.Contains(report.Steps, s => s.Action.Plan is LinkVpcEndpoint && s.Outcome == StepOutcome.Applied);
        Assert.Empty(Planner.Plan(engine.Cloud.Snapshot()).Actions);
        Assert.Equal(Planner.Plan(engine.Cloud.Snapshot()).HasErrors ? ReconcileOutcome.Blocked : ReconcileOutcome.Repaired, report.Outcome);
    }
}
