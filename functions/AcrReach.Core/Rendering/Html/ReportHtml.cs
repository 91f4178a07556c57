using System.Globalization;
using System.Text;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.OnPrem;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering.Html;

/// <summary>What a report is drawn from: the account as read, its plan, the paths as they are now, and where they came from (a file or an endpoint).</summary>
public sealed record ReportInput(Account Account, Plan Plan, Verification Now, string Origin);

/// <summary>
/// The plan as one self-contained HTML page: no script, no external asset (inline CSS and SVG only), so it can be
/// mailed or archived and opened anywhere. Per source and registry, a drawing of each required path as the plan leaves
/// it (<see cref="PathDrawing"/>), with its state now; the routes to add; findings with their remedies; DNS records;
/// and per data center the on-premises configuration in every format (<see cref="OnPremFormats"/>). Deterministic: no
/// clock, no randomness, so the same plan gives the same page.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        :root{color-scheme:light;--ink:#1f2933;--muted:#616e7c;--line:#cbd2d9;--add:#b45309;--add-bg:#fff7ed;--own:#1d4ed8;--own-bg:#eff6ff;--ok:#15803d;--ok-bg:#f0fdf4;--bad:#b91c1c;--bad-bg:#fef2f2}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1280px;padding:1rem 1.5rem 3rem;line-height:1.45}
        h1{font-size:1.6rem;margin:.2rem 0}h2{border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2.2rem}h3{margin:1.6rem 0 .4rem}
        code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86rem}
        pre{background:#f5f7fa;border:1px solid var(--line);padding:.6rem .8rem;overflow-x:auto}
        table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.92rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f5f7fa}
        .summary li{margin:.1rem 0}.muted{color:var(--muted)}
        .badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:600}
        .badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.add{background:var(--add-bg);color:var(--add)}
        .sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--add);font-weight:600}.sev-info{color:var(--muted)}
        figure{margin:.8rem 0 1.2rem}figcaption{margin-bottom:.3rem}
        svg.path{max-width:100%;height:auto;display:block}
        svg.path rect{fill:#fff;stroke:#9aa5b1;stroke-width:1.2}
        svg.path text{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11px;fill:var(--ink)}
        svg.path text.node{font-weight:700}svg.path text.muted{fill:var(--muted)}svg.path text.bad{fill:var(--bad);font-weight:600}
        svg.path .would-add rect{fill:var(--add-bg);stroke:var(--add);stroke-width:2.4}svg.path .would-add text.tag{fill:var(--add);font-weight:700}
        svg.path .added rect{fill:var(--own-bg);stroke:var(--own);stroke-width:2.4}svg.path .added text.tag{fill:var(--own);font-weight:700}
        svg.path .broken-at rect{stroke:var(--bad);stroke-width:2}svg.path .source rect{fill:#f5f7fa;stroke-dasharray:4 3}
        svg.path .end.reached rect{fill:var(--ok-bg);stroke:var(--ok)}svg.path .end.broken rect{fill:var(--bad-bg);stroke:var(--bad)}
        svg.path .arrow{stroke:#52606d;stroke-width:1.6;fill:none}svg.path .head{fill:#52606d}
        .legend span{display:inline-block;margin-right:1rem}.swatch{display:inline-block;width:.9rem;height:.9rem;border:2px solid;vertical-align:middle;margin-right:.3rem}
        details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}
        """;

    public static string Render(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (account, plan, now) = (input.Account, input.Plan, input.Now);
        var html = new StringBuilder(64 * 1024);
        var pairs = ReportPaths.Of(input).GroupBy(p => (p.Planned.Source, p.Planned.Registry)).ToList();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>AcrReach report: plan {Text.Escape(plan.PlanId)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");

        WriteHeader(input, pairs.Count, html);
        WriteContents(pairs.Select(p => p.Key).ToList(), account, html);
        WriteLegend(html);
        WriteActions(plan, html);
        WritePaths(input, pairs, html);
        WriteFindings(plan, html);
        WriteDns(plan, html);
        WriteDataCenters(account, plan, html);

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteHeader(ReportInput input, int pairCount, StringBuilder html)
    {
        var (account, plan, now) = (input.Account, input.Plan, input.Now);
        var routes = plan.Actions.Count(a => a is CreateVpcRoute or CreateTransitRoute);
        var errors = plan.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = plan.Findings.Count(f => f.Severity == Severity.Warning);
        html.Append("<header>\n<h1>AcrReach report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Plan <code>{Text.Escape(plan.PlanId)}</code> for account <code>{Text.Escape(account.AccountId)}</code>, read from <code>{Text.Escape(input.Origin)}</code>.</p>\n");
        html.Append("<ul class=\"summary\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<li><span id=\"path-count\">{plan.Paths.Length}</span> required paths for {pairCount} source–registry pairs: {now.Paths.Count(p => p.Reached)} of {now.Paths.Length} reached now, {plan.Paths.Count(p => p.Reached)} of {plan.Paths.Length} with the plan {(plan.Paths.All(p => p.Reached) ? "<span class=\"badge ok\">all reached</span>" : "<span class=\"badge bad\">some stay broken</span>")}</li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>{routes} route{(routes == 1 ? string.Empty : "s")} to add, {plan.Actions.Count(a => a is LinkVpcEndpoint)} VPC link(s), {plan.Actions.Count(a => a.IsRemoval)} removal(s), {plan.Dns.Length} DNS record(s)</li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>{errors} error finding(s), {warnings} warning(s), {plan.Findings.Length - errors - warnings} note(s); {account.DataCenters.Length} data center(s)</li>\n");
        html.Append("</ul>\n</header>\n");
    }

    private static void WriteContents(List<(string Source, string Registry)> pairs, Account account, StringBuilder html)
    {
        html.Append("<nav>\n<h2>Contents</h2>\n<ul>\n<li><a href=\"#actions\">Routes AcrReach adds</a></li>\n<li><a href=\"#paths\">Paths</a><ul>\n");
        for (var i = 0; i < pairs.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#pair-{i + 1}\">{Text.Escape(pairs[i].Source)} → {Text.Escape(pairs[i].Registry)}</a></li>\n");
        }

        html.Append("</ul></li>\n<li><a href=\"#findings\">Findings</a></li>\n<li><a href=\"#dns\">DNS records</a></li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#data-centers\">Data centers</a> ({account.DataCenters.Length})</li>\n</ul>\n</nav>\n");
    }

    private static void WriteLegend(StringBuilder html) =>
        html.Append("<p class=\"legend\"><span><i class=\"swatch\" style=\"border-color:var(--add);background:var(--add-bg)\"></i>a route AcrReach would add</span>"
            + "<span><i class=\"swatch\" style=\"border-color:var(--own);background:var(--own-bg)\"></i>a route AcrReach added (it carries AcrReach's mark)</span>"
            + "<span><i class=\"swatch\" style=\"border-color:var(--ok);background:var(--ok-bg)\"></i>reached</span>"
            + "<span><i class=\"swatch\" style=\"border-color:var(--bad);background:var(--bad-bg)\"></i>where a path breaks</span></p>\n");

    private static void WriteActions(Plan plan, StringBuilder html)
    {
        html.Append("<section id=\"actions\">\n<h2>Routes AcrReach adds</h2>\n");
        var routes = plan.Actions.Where(a => a is CreateVpcRoute or CreateTransitRoute).ToList();
        if (routes.Count == 0)
        {
            html.Append("<p>None: every route the paths need is there.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>where</th><th>route table</th><th>destination</th><th>next hop</th><th>why</th></tr>\n");
            foreach (var action in routes)
            {
                var (where, table, destination, nextHop) = action switch
                {
                    CreateVpcRoute v => ($"VPC {v.VpcId} ({v.Region})", v.RouteTableId, v.Destination, $"{v.NextHopType} {v.NextHopId}"),
                    CreateTransitRoute t => ($"transit router {t.TransitRouterId} ({t.Region})", t.RouteTableId, t.Destination, $"Attachment {t.NextHopId}"),
                    _ => throw new InvalidOperationException(),
                };
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Text.Escape(where)}</td><td class=\"mono\">{Text.Escape(table)}</td><td class=\"mono\"><span class=\"badge add\">+</span> {Text.Escape(Cidr.Format(destination))}</td><td class=\"mono\">{Text.Escape(nextHop)}</td><td>{Text.Escape(action.Reason)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        var links = plan.Actions.OfType<LinkVpcEndpoint>().ToList();
        if (links.Count > 0)
        {
            html.Append("<h3>VPC links (same region: linked, not routed)</h3>\n<table>\n<tr><th>registry</th><th>VPC</th><th>vSwitch</th><th>why</th></tr>\n");
            foreach (var link in links)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mono\">{Text.Escape(link.InstanceId)}</td><td class=\"mono\">{Text.Escape(link.VpcId)} ({Text.Escape(link.Region)})</td><td class=\"mono\">{Text.Escape(link.VswitchId)}</td><td>{Text.Escape(link.Reason)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        var removals = plan.Actions.Where(a => a.IsRemoval).ToList();
        if (removals.Count > 0)
        {
            html.Append("<h3>Routes to remove (AcrReach's own; no rule's path uses them)</h3>\n<table>\n<tr><th>route table</th><th>destination</th><th>why</th></tr>\n");
            foreach (var action in removals)
            {
                var (table, destination) = action switch
                {
                    DeleteVpcRoute v => (v.RouteTableId, v.Destination),
                    DeleteTransitRoute t => (t.RouteTableId, t.Destination),
                    _ => throw new InvalidOperationException(),
                };
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mono\">{Text.Escape(table)}</td><td class=\"mono\">{Text.Escape(Cidr.Format(destination))}</td><td>{Text.Escape(action.Reason)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void WritePaths(ReportInput input, List<IGrouping<(string Source, string Registry), ReportPath>> pairs, StringBuilder html)
    {
        html.Append("<section id=\"paths\">\n<h2>Paths</h2>\n");
        if (pairs.Count == 0)
        {
            html.Append("<p>No required path: no reach rule applies to this account.</p>\n");
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"pair\" id=\"pair-{i + 1}\">\n<h3>{Text.Escape(pair.Key.Source)} → {Text.Escape(pair.Key.Registry)}</h3>\n");
            foreach (var report in pair)
            {
                var (path, before) = (report.Planned, report.Now);
                html.Append(CultureInfo.InvariantCulture, $"<figure>\n<figcaption><strong>{Text.Escape(path.Direction == PathDirection.Return ? "return" : "forward")}</strong> {Text.Escape(PathDrawing.Title(path))}<br><span class=\"muted\">now:</span> {State(before)} <span class=\"muted\">with the plan:</span> {State(path)}</figcaption>\n");
                PathDrawing.Write(path, input.Account, html);
                html.Append("\n</figure>\n");
            }

            var findings = input.Plan.Findings.Where(f => f.Source == pair.Key.Source && f.Registry == pair.Key.Registry && f.Severity != Severity.Info).ToList();
            if (findings.Count > 0)
            {
                html.Append("<p>Findings for this pair:</p>\n<ul>\n");
                foreach (var finding in findings)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"sev-{Text.Lower(finding.Severity)}\">{Text.Escape(PlanText.Label(finding.Severity))}</span> <code>{Text.Escape(finding.Code)}</code> {Text.Escape(finding.Message)}{(finding.Remedy is { } r ? $"<br><em>What to do:</em> {Text.Escape(r)}" : string.Empty)}</li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }

    private static string State(PathTrace? path) => path switch
    {
        null => "<span class=\"badge bad\">not traced</span>",
        { Reached: true } => "<span class=\"badge ok\">reached</span>",
        { Hops.IsEmpty: true } => $"<span class=\"badge bad\">broken: {Text.Escape(ExplainWords.Of(path.Outcome))}</span>",
        _ => $"<span class=\"badge bad\">broken at hop {path.Hops.Length}: {Text.Escape(ExplainWords.Of(path.Outcome))}</span>",
    };

    private static void WriteFindings(Plan plan, StringBuilder html)
    {
        html.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (plan.Findings.IsEmpty)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<tr><th>severity</th><th>code</th><th>about</th><th>what happened</th><th>what to do</th></tr>\n");
        foreach (var finding in plan.Findings)
        {
            var about = string.Join(" ", new[]
            {
                finding.Source is null ? finding.Registry : $"{finding.Source} → {finding.Registry}",
                finding.RouteTableId,
                finding.Destination is { } d ? Cidr.Format(d) : null,
            }.Where(s => s is not null));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"sev-{Text.Lower(finding.Severity)}\">{Text.Escape(PlanText.Label(finding.Severity))}</td><td><code>{Text.Escape(finding.Code)}</code></td><td class=\"mono\">{Text.Escape(about)}</td><td>{Text.Escape(finding.Message)}</td><td>{Text.Escape(finding.Remedy ?? "-")}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void WriteDns(Plan plan, StringBuilder html)
    {
        html.Append("<section id=\"dns\">\n<h2>DNS records</h2>\n");
        if (plan.Dns.IsEmpty)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<tr><th>for</th><th>name</th><th>address</th></tr>\n");
        foreach (var record in plan.Dns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mono\">{Text.Escape(record.Scope)}</td><td class=\"mono\">{Text.Escape(record.Name)}</td><td class=\"mono\">{Text.Escape(record.Ip.ToString())}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void WriteDataCenters(Account account, Plan plan, StringBuilder html)
    {
        html.Append("<section id=\"data-centers\">\n<h2>Data centers</h2>\n");
        if (account.DataCenters.IsEmpty)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Nothing to configure: account {Text.Escape(account.AccountId)} has no data centers.</p>\n</section>\n");
            return;
        }

        foreach (var dataCenter in account.DataCenters.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var config = DataCenterConfiguration.For(plan, account, dataCenter.Name);
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"data-center\" data-data-center=\"{Text.Escape(dataCenter.Name)}\">\n<h3>{Text.Escape(dataCenter.Name)}</h3>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p>Networks: <code>{Text.Escape(string.Join(", ", dataCenter.Cidrs.Select(Cidr.Format)))}</code>; connected by {Text.Escape(config.Connections.IsEmpty ? "no VBR or VPN attachment" : string.Join("; ", config.Connections.Select(c => c.Describe)))}.</p>\n");
            if (config.IsEmpty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Nothing to configure: the plan has no route or DNS record for {Text.Escape(dataCenter.Name)}.</p>\n</section>\n");
                continue;
            }

            html.Append("<table>\n<tr><th>route toward the VBR/VPN</th><th>for</th></tr>\n");
            foreach (var route in config.Routes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mono\">{Text.Escape(Cidr.Format(route.Destination))}</td><td>{Text.Escape(route.Describe)}</td></tr>\n");
            }

            html.Append("</table>\n");
            if (!config.Advertise.IsEmpty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Announce for the return path: <code>{Text.Escape(string.Join(", ", config.Advertise.Select(Cidr.Format)))}</code></p>\n");
            }

            var probes = OnPremFormats.ProbesFor(config, account);
            foreach (var format in OnPremFormats.All)
            {
                html.Append(CultureInfo.InvariantCulture, $"<details data-format=\"{Text.Escape(format)}\"><summary>{Text.Escape(format)}</summary>\n");
                foreach (var file in OnPremFormats.Render(config, format, null, probes))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"mono\">{Text.Escape(file.Name)}</p>\n<pre>{Text.Escape(file.Text)}</pre>\n");
                }

                html.Append("</details>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }
}
