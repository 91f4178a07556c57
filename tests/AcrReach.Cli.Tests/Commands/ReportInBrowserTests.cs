using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AcrReach.Cli.Tests.Support;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cli.Tests.Commands;

/// <summary>
/// The page <c>acr-reach report --html</c> writes, opened in a real browser (Debian's chromium-headless-shell): it loads
/// with no console error and asks for nothing beyond itself, the rendered DOM has one visible drawing per required path
/// of the plan, and a full-page screenshot is kept for CI (.ci/artifacts/report, or ACR_REACH_ARTIFACTS).
/// </summary>
public class ReportInBrowserTests
{
    private const string Drawings = "[...document.querySelectorAll('svg[data-path]')]";

    public static TheoryData<string> Scenarios() => ["seed-hangzhou-shanghai", "datacenter-vbr", TwentySources];

    private const string TwentySources = "twenty-sources";

    [ToolTheory(HeadlessBrowser.Tool + ":" + HeadlessBrowser.Tool)]
    [MemberData(nameof(Scenarios))]
    public async Task The_page_loads_without_errors_with_one_drawing_per_required_path(string name)
    {
        var scenario = name == TwentySources ? WriteTwentySources() : CliRun.Scenario(name);
        var plan = Planner.Plan(ScenarioReader.Read(File.ReadAllBytes(scenario), scenario));
        var page = Path.Combine(OnPremCommandTests.Temp(), name + ".html");
        var run = await CliRun.Invoke("report", "--scenario", scenario, "--html", page);
        Assert.True(run.ExitCode == 0, run.Error);

        await using var browser = await HeadlessBrowser.StartAsync();
        var load = await browser.LoadAsync(page);

        Assert.Empty(load.Errors);
        Assert.Empty(load.OtherRequests);
        Assert.Equal(plan.Paths.Length, (await browser.EvaluateAsync($"{Drawings}.length"))!.GetValue<int>());
        Assert.Equal(plan.Paths.Length, (await browser.EvaluateAsync($"{Drawings}.filter(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 40).length"))!.GetValue<int>());
        var perPair = (await browser.EvaluateAsync($"JSON.stringify({Drawings}.reduce((n, s) => (n[s.dataset.path] = (n[s.dataset.path] || 0) + 1, n), {{}}))"))!.GetValue<string>();
        var expected = plan.Paths.GroupBy(p => $"{p.Source}→{p.Registry}").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), JsonNode.Parse(perPair)!.AsObject().Select(e => KeyValuePair.Create(e.Key, e.Value!.GetValue<int>())).OrderBy(e => e.Key, StringComparer.Ordinal));
        if (name == TwentySources)
        {
            Assert.Equal(20, expected.Count);
        }

        var screenshot = Path.Combine(Artifacts(), $"report-{name}.png");
        await browser.ScreenshotAsync(screenshot);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 20_000, $"{screenshot} is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.True(height > 900, $"the screenshot is {height} pixels high: only the window, not the page");
    }

    [ToolFact(HeadlessBrowser.Tool + ":" + HeadlessBrowser.Tool)]
    public async Task The_browser_check_sees_a_console_error_an_exception_and_a_missing_asset()
    {
        var page = Path.Combine(OnPremCommandTests.Temp(), "broken.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><head><title>t</title></head><body><img src=\"missing.png\"><script>console.error('boom'); null.x;</script></body></html>");

        await using var browser = await HeadlessBrowser.StartAsync();
        var load = await browser.LoadAsync(page);

        Assert.Contains(load.Errors, e => e.StartsWith("console.error: \"boom\"", StringComparison.Ordinal));
        Assert.Contains(load.Errors, e => e.StartsWith("uncaught: TypeError", StringComparison.Ordinal));
        Assert.Contains(load.Errors, e => e.Contains("missing.png", StringComparison.Ordinal));
        Assert.Contains(load.OtherRequests, r => r.EndsWith("/missing.png", StringComparison.Ordinal));
    }

    /// <summary>The seed with twenty more source VPCs in Shanghai, each on its own attachment of tr-sh; every fifth has no route toward the transit router yet.</summary>
    private static string WriteTwentySources()
    {
        var document = JsonNode.Parse(File.ReadAllText(CliRun.Scenario("seed-hangzhou-shanghai")))!;
        var vpcs = document["vpcs"]!.AsArray();
        var trSh = document["transitRouters"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "tr-sh")!;
        var trHz = document["transitRouters"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "tr-hz")!;
        var reach = document["policy"]!["reach"]!.AsArray();
        reach.Clear();
        for (var n = 1; n <= 20; n++)
        {
            var id = $"vpc-src-{n:00}";
            var attachment = $"tr-attach-src-{n:00}";
            var block = $"172.{17 + ((n - 1) / 16)}.{((n - 1) % 16) * 16}";
            var cidr = $"{block}.0/20";
            var entries = new JsonArray(
                Entry($"{block}.0/24", "Local", null),
                Entry("100.64.0.0/10", "Local", null));
            if (n % 5 != 0)
            {
                entries.Add(Entry("10.0.0.0/8", "Attachment", attachment));
            }

            vpcs.Add(new JsonObject
            {
                ["id"] = id,
                ["region"] = "cn-shanghai",
                ["cidrs"] = new JsonArray(cidr),
                ["vswitches"] = new JsonArray(new JsonObject { ["id"] = $"vsw-src-{n:00}", ["zone"] = "cn-shanghai-m", ["cidr"] = $"{block}.0/24", ["routeTableId"] = $"vtb-src-{n:00}" }),
                ["routeTables"] = new JsonArray(new JsonObject { ["id"] = $"vtb-src-{n:00}", ["type"] = "System", ["entries"] = entries }),
            });
            trSh["attachments"]!.AsArray().Add(new JsonObject { ["id"] = attachment, ["type"] = "VPC", ["vpcId"] = id });
            trSh["routeTables"]![0]!["associations"]!.AsArray().Add(attachment);
            trSh["routeTables"]![0]!["entries"]!.AsArray().Add(TransitEntry(cidr, attachment));
            trHz["routeTables"]![0]!["entries"]!.AsArray().Add(TransitEntry(cidr, "tr-attach-peer"));
            reach.Add(new JsonObject { ["from"] = new JsonObject { ["vpcId"] = id }, ["registry"] = "cri-xxxxxx" });
        }

        return CliRun.TempScenario(document.ToJsonString());
    }

    private static JsonObject Entry(string destination, string nextHopType, string? nextHopId) =>
        new() { ["destination"] = destination, ["nextHopType"] = nextHopType, ["nextHopId"] = nextHopId, ["name"] = null };

    private static JsonObject TransitEntry(string destination, string attachment) =>
        new() { ["destination"] = destination, ["nextHopType"] = "Attachment", ["nextHopId"] = attachment, ["origin"] = "Propagated" };

    /// <summary>Where CI collects files: ACR_REACH_ARTIFACTS, else .ci/artifacts/report in the repository.</summary>
    private static string Artifacts() =>
        Environment.GetEnvironmentVariable("ACR_REACH_ARTIFACTS") is { Length: > 0 } configured
            ? Path.Combine(configured, "report")
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", ".ci", "artifacts", "report"));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
