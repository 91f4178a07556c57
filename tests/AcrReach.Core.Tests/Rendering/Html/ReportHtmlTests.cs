using System.Text.RegularExpressions;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.Html;
using AcrReach.Core.Rendering.OnPrem;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;
using AcrReach.TestSupport;
using TestScenarios = AcrReach.TestSupport.Scenarios;

namespace AcrReach.Core.Tests.Rendering.Html;

/// <summary>The HTML report: one drawing per required path, nothing loaded from anywhere, every name escaped, the plan's routes highlighted.</summary>
public partial class ReportHtmlTests
{
    public static TheoryData<string> GoldenScenarios() => ["seed-hangzhou-shanghai", "datacenter-vbr"];

    [Theory]
    [MemberData(nameof(GoldenScenarios))]
    public void The_page_matches_its_golden_output(string scenario)
    {
        var page = Render(TestScenarios.Load(scenario), scenario + ".json");

        var path = Path.Combine(GoldenDirectory, scenario + ".html");
        if (Environment.GetEnvironmentVariable("ACR_REACH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, page);
        }

        Assert.True(File.Exists(path), $"no golden report {path}; run the tests once with ACR_REACH_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path), page);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void There_is_one_drawing_per_required_path_of_the_plan(string scenario)
    {
        var account = TestScenarios.Load(scenario);
        var plan = Planner.Plan(account);

        var page = Render(account, scenario);

        Assert.Equal(plan.Paths.Length, SvgMarker().Matches(page).Count);
        foreach (var pair in plan.Paths.GroupBy(PathDrawing.Marker))
        {
            Assert.Equal(pair.Count(), Regex.Matches(page, $"<svg class=\"path\" data-path=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(pair.Key))}\"").Count);
        }
    }

    public static TheoryData<string> Every() => [.. TestScenarios.Names()];

    [Theory]
    [MemberData(nameof(Every))]
    public void Nothing_is_loaded_from_anywhere_no_script_no_link_no_source(string scenario)
    {
        var page = Render(TestScenarios.Load(scenario), scenario);

        Assert.DoesNotMatch("<script|<link|<img|<iframe|<object|<embed|@import|url\\(", page);
        Assert.All(Regex.Matches(page, "\\s(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value), target => Assert.StartsWith("#", target, StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_the_plan_adds_is_highlighted_in_the_drawing_of_each_path_it_carries()
    {
        var account = TestScenarios.Seed();
        var plan = Planner.Plan(account);
        var planned = plan.Paths.Count(p => p.Hops.Any(h => h.Route?.Provenance == RouteProvenance.Planned));
        Assert.True(planned > 0);

        var page = Render(account, "seed");

        Assert.Equal(planned, Drawings(page).Count(d => d.Contains("class=\"hop would-add\"", StringComparison.Ordinal)));
        Assert.Contains("+ AcrReach would add this route", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_carrying_acr_reachs_mark_is_shown_as_added_by_acr_reach()
    {
        var seed = TestScenarios.Seed();
        var plan = Planner.Plan(seed);
        var applied = Applied(seed, plan);

        var page = Render(applied, "seed, applied");

        Assert.Equal(plan.Paths.Count(p => p.Hops.Any(h => h.Route?.Provenance == RouteProvenance.Planned)), Drawings(page).Count(d => d.Contains("class=\"hop added\"", StringComparison.Ordinal)));
        Assert.DoesNotContain("class=\"hop would-add\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_cloud_are_escaped_everywhere()
    {
        const string Hostile = "<script>alert(1)</script>&\"'";
        var account = TestScenarios.Seed(s => s["accountId"] = Hostile);

        var page = Render(account, "<b>origin</b>");

        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_data_center_has_its_configuration_in_every_on_premises_format()
    {
        var account = TestScenarios.Load("datacenter-vbr");

        var page = Render(account, "datacenter-vbr");

        Assert.Contains("data-data-center=\"idc-sh\"", page, StringComparison.Ordinal);
        Assert.All(OnPremFormats.All, f => Assert.Contains($"<details data-format=\"{f}\">", page, StringComparison.Ordinal));
        Assert.Contains("ip route 10.94.205.198 255.255.255.255", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_data_centers_the_page_says_there_is_nothing_to_configure()
    {
        var page = Render(TestScenarios.Seed(), "seed");

        Assert.Contains("Nothing to configure: account 1234567890123456 has no data centers.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_listed_with_their_remedies()
    {
        var account = TestScenarios.Load("route-conflict");
        var plan = Planner.Plan(account);
        var finding = plan.Findings.First(f => f.Remedy is not null);

        var page = Render(account, "route-conflict");

        Assert.Contains(System.Net.WebUtility.HtmlEncode(finding.Remedy!), page, StringComparison.Ordinal);
        Assert.Contains($"<code>{finding.Code}</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_plan_renders_a_byte_identical_page()
    {
        Assert.Equal(Render(TestScenarios.Load("datacenter-vbr"), "x"), Render(TestScenarios.Load("datacenter-vbr"), "x"));
    }

    private static string Render(Account account, string origin) =>
        ReportHtml.Render(new ReportInput(account, Planner.Plan(account), Planner.Verify(account), origin));

    private static List<string> Drawings(string page) => [.. Regex.Matches(page, "<svg class=\"path\".*?</svg>", RegexOptions.Singleline).Select(m => m.Value)];

    /// <summary>The account with the plan's routes in place, each with AcrReach's mark, as apply leaves it.</summary>
    private static Account Applied(Account account, Plan plan)
    {
        var vpcRoutes = plan.Actions.OfType<CreateVpcRoute>().ToLookup(a => a.RouteTableId);
        var transitRoutes = plan.Actions.OfType<CreateTransitRoute>().ToLookup(a => a.RouteTableId);
        return account with
        {
            Vpcs = [.. account.Vpcs.Select(v => v with
            {
                RouteTables = [.. v.RouteTables.Select(t => t with
                {
                    Entries = [.. t.Entries, .. vpcRoutes[t.Id].Select(a => new RouteEntry(a.Destination, a.NextHopType, a.NextHopId, AcrReachMark.Name, a.Description))],
                })],
            })],
            TransitRouters = [.. account.TransitRouters.Select(r => r with
            {
                RouteTables = [.. r.RouteTables.Select(t => t with
                {
                    Entries = [.. t.Entries, .. transitRoutes[t.Id].Select(a => new TransitRouteEntry(a.Destination, TransitNextHopType.Attachment, a.NextHopId, RouteOrigin.Static, AcrReachMark.Name, a.Description))],
                })],
            })],
        };
    }

    private static string GoldenDirectory { get; } = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Golden");

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    [GeneratedRegex("<svg class=\"path\" data-path=\"")]
    private static partial Regex SvgMarker();
}
