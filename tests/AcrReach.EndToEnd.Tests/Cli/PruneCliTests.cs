using System.Text.Json;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Cli;

/// <summary><c>acr-reach sweep --repair --prune</c>, <c>apply --prune</c> and <c>rollback</c>, driven in-process against the local cloud.</summary>
public sealed class PruneCliTests
{
    [Fact]
    public async Task Sweep_repair_prune_after_the_tag_is_removed_removes_the_four_routes_and_lists_them()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        Assert.Equal(0, (await CliRun.Invoke("apply", "--endpoint", rig.Cloud.Endpoint.ToString())).ExitCode);
        var before = Routes.All(rig.Cloud.Snapshot()).Select(r => $"{r.Table} {AcrReach.Core.Addressing.Cidr.Format(r.Destination)}").ToHashSet();
        var marked = Routes.Marked(rig.Cloud.Snapshot()).Select(m => $"{m.Table} {m.Destination}").ToHashSet();
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");

        var pruned = await CliRun.Invoke("sweep", "--endpoint", rig.Cloud.Endpoint.ToString(), "--repair", "--prune", "--output", "json");

        Assert.Equal(4, marked.Count);
        Assert.Empty(Routes.Marked(rig.Cloud.Snapshot()));
        var after = Routes.All(rig.Cloud.Snapshot()).Select(r => $"{r.Table} {AcrReach.Core.Addressing.Cidr.Format(r.Destination)}").ToHashSet();
        Assert.Equal(before.Except(marked).Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(pruned.Output);
        var removals = json.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("action").GetProperty("kind").GetString() is "DeleteVpcRoute" or "DeleteTransitRoute").ToList();
        Assert.Equal(4, removals.Count);
        Assert.All(removals, s => Assert.Equal("Applied", s.GetProperty("outcome").GetString()));
        Assert.All(removals, s => Assert.StartsWith("tag removed:", s.GetProperty("action").GetProperty("reason").GetString(), StringComparison.Ordinal));
        var message = rig.Messages()[^1].ToJsonString();
        Assert.Contains("DeleteVpcRoute", message, StringComparison.Ordinal);
        Assert.Contains("DeleteTransitRoute", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_repair_without_prune_only_reports_the_routes_to_remove()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        Assert.Equal(0, (await CliRun.Invoke("apply", "--endpoint", rig.Cloud.Endpoint.ToString())).ExitCode);
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.ResetCalls();

        var run = await CliRun.Invoke("sweep", "--endpoint", rig.Cloud.Endpoint.ToString(), "--repair");

        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(4, Routes.Marked(rig.Cloud.Snapshot()).Count);
        Assert.Contains("AcrReach routes no longer needed (reported, not deleted)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_shows_what_a_run_made_and_with_yes_removes_exactly_that()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        var applied = await CliRun.Invoke("apply", "--endpoint", rig.Cloud.Endpoint.ToString(), "--output", "json");
        using var report = JsonDocument.Parse(applied.Output);
        var runId = report.RootElement.GetProperty("runId").GetString()!;

        var shown = await CliRun.Invoke("rollback", "--run", runId, "--endpoint", rig.Cloud.Endpoint.ToString(), "--output", "json");
        var marked = Routes.Marked(rig.Cloud.Snapshot()).Count;
        var done = await CliRun.Invoke("rollback", "--run", runId, "--endpoint", rig.Cloud.Endpoint.ToString(), "--yes", "--output", "json");

        Assert.Equal(4, marked);
        using var shownJson = JsonDocument.Parse(shown.Output);
        Assert.Equal(4, shownJson.RootElement.GetProperty("steps").GetArrayLength());
        Assert.All(shownJson.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Skipped", s.GetProperty("outcome").GetString()));
        using var doneJson = JsonDocument.Parse(done.Output);
        Assert.All(doneJson.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Applied", s.GetProperty("outcome").GetString()));
        Assert.Empty(Routes.Marked(rig.Cloud.Snapshot()));
    }
}
