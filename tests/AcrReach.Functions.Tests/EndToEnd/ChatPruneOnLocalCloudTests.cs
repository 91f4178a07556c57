using System.Text.RegularExpressions;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>The chat's prune: <c>prune</c> answers the removal plan, <c>prune &lt;plan-id&gt;</c> applies it, a stale id is refused.</summary>
public sealed partial class ChatPruneOnLocalCloudTests
{
    [Fact]
    public async Task Prune_shows_the_plan_and_prune_with_its_id_removes_the_routes_a_stale_id_removes_nothing()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);
        using (var plan = await rig.ChatAsync("plan vpc-sh2", "chat-1"))
        {
            var id = ApplyHint().Match((await plan.MarkdownAsync()).Text).Groups[1].Value;
            using var apply = await rig.ChatAsync($"apply {id}", "chat-2");
        }

        Assert.Equal(4, rig.MarkedRoutes().Count);
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.ResetCalls();

        using var shown = await rig.ChatAsync("prune", "chat-3");
        var (shownTitle, shownText) = await shown.MarkdownAsync();
        var planId = PruneHint().Match(shownText) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException(shownText);
        var writesWhileShowing = rig.NetworkWriteCalls();
        using var stale = await rig.ChatAsync("prune plan-0123456789abcdef", "chat-4");
        var (staleTitle, _) = await stale.MarkdownAsync();
        var writesWhenStale = rig.NetworkWriteCalls();
        using var pruned = await rig.ChatAsync($"prune {planId}", "chat-5");
        var (prunedTitle, prunedText) = await pruned.MarkdownAsync();

        Assert.Equal("Prune plan", shownTitle);
        Assert.Contains("Routes to remove", shownText, StringComparison.Ordinal);
        Assert.Contains("tag removed:", shownText, StringComparison.Ordinal);
        Assert.Equal(0, writesWhileShowing);
        Assert.Equal("Plan changed: nothing removed", staleTitle);
        Assert.Equal(0, writesWhenStale);
        Assert.Equal($"Pruned {planId}", prunedTitle);
        Assert.Contains("removed: 4", prunedText, StringComparison.Ordinal);
        Assert.Empty(rig.MarkedRoutes());
    }

    [GeneratedRegex(@"`apply ([^`]+)`")]
    private static partial Regex ApplyHint();

    [GeneratedRegex(@"`prune (plan-[0-9a-f]+)`")]
    private static partial Regex PruneHint();
}
