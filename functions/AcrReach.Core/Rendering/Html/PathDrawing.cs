using System.Globalization;
using System.Text;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering.Html;

/// <summary>How a route met on a path came to be there, as the report highlights it.</summary>
public enum RouteMark
{
    /// <summary>No route matched (the path breaks at this table).</summary>
    None,

    /// <summary>Someone else's route, or one the cloud keeps itself (vSwitch and cloud-services routes).</summary>
    Existing,

    /// <summary>Learned by a transit router through propagation.</summary>
    Propagated,

    /// <summary>A route every VPC table has without listing it.</summary>
    Implicit,

    /// <summary>A route AcrReach made earlier: it carries AcrReach's mark.</summary>
    AddedByAcrReach,

    /// <summary>A route the plan would add.</summary>
    WouldAdd,
}

/// <summary>
/// One required path as an inline SVG: a box per table consulted (node, table, matched route, how that route came to be
/// there) joined by arrows, ending in where the traffic arrives or where it breaks. The <c>svg</c> carries
/// <c>data-path="source→registry"</c> (and the direction and endpoint) so a page can be checked for one per path.
/// </summary>
public static class PathDrawing
{
    private const int BoxWidth = 228;
    private const int Gap = 34;
    private const int Pad = 8;
    private const int LineHeight = 15;
    private const int MaxChars = 33;

    /// <summary>The marker's value for a path: its source and registry.</summary>
    public static string Marker(PathTrace path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"{path.Source}→{path.Registry}";
    }

    /// <summary>How the route matched at <paramref name="hop"/> came to be there.</summary>
    public static RouteMark MarkOf(Hop hop, Account account)
    {
        ArgumentNullException.ThrowIfNull(hop);
        ArgumentNullException.ThrowIfNull(account);
        if (hop.Route is not { } route)
        {
            return RouteMark.None;
        }

        return route.Provenance switch
        {
            RouteProvenance.Planned => RouteMark.WouldAdd,
            RouteProvenance.Propagated => RouteMark.Propagated,
            RouteProvenance.Implicit => RouteMark.Implicit,
            _ => IsAcrReachs(hop, route, account) ? RouteMark.AddedByAcrReach : RouteMark.Existing,
        };
    }

    private static bool IsAcrReachs(Hop hop, MatchedRoute route, Account account)
    {
        if (hop.RouteTableId is null)
        {
            return false;
        }

        if (hop.Kind == HopKind.Vpc)
        {
            var entry = account.FindVpc(hop.NodeId)?.FindRouteTable(hop.RouteTableId)?.Entries.FirstOrDefault(e => e.Destination == route.Destination);
            return entry is not null && AcrReachMark.IsMarked(entry.Name, entry.Description);
        }

        var transit = account.FindTransitRouter(hop.NodeId)?.RouteTables.FirstOrDefault(t => t.Id == hop.RouteTableId)?.Entries
            .FirstOrDefault(e => e.Destination == route.Destination && e.Origin == RouteOrigin.Static);
        return transit is not null && AcrReachMark.IsMarked(transit.Name, transit.Description);
    }

    /// <summary>The SVG of <paramref name="path"/>; every text in it is escaped.</summary>
    public static void Write(PathTrace path, Account account, StringBuilder html)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(html);
        var boxes = path.Hops.Select(h => HopBox(h, account)).Append(EndBox(path)).ToList();
        if (path.Direction == PathDirection.Forward && account.FindDataCenter(path.Source) is { } dataCenter && path.Hops.FirstOrDefault()?.Ingress is { } entry)
        {
            // A data center has no table of its own in the trace: its edge router is where the drawing starts.
            boxes.Insert(0, new Box([($"DATA CENTER {dataCenter.Name}", "node"), (string.Join(", ", dataCenter.Cidrs.Select(Cidr.Format)), "muted"), ("its edge router routes", null), (Cidr.Format(path.Destination), "route"), ($"→ {entry}", "route"), ("see its configuration below", "muted")], "source"));
        }

        var height = (boxes.Max(b => b.Lines.Count) * LineHeight) + 18;
        var width = (boxes.Count * BoxWidth) + ((boxes.Count - 1) * Gap) + (2 * Pad);
        var total = height + (2 * Pad);
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"path\" data-path=\"{Text.Escape(Marker(path))}\" data-direction=\"{Text.Lower(path.Direction)}\" data-endpoint=\"{Text.Lower(path.Endpoint)}\" data-reached=\"{Text.Lower(path.Reached)}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Text.Escape(Title(path))}</title>");
        for (var i = 0; i < boxes.Count; i++)
        {
            var x = Pad + (i * (BoxWidth + Gap));
            var box = boxes[i];
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"hop {box.Css}\"><rect x=\"{x}\" y=\"{Pad}\" width=\"{BoxWidth}\" height=\"{height}\" rx=\"6\"/>");
            for (var line = 0; line < box.Lines.Count; line++)
            {
                var (text, css) = box.Lines[line];
                var y = Pad + 18 + (line * LineHeight);
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8}\" y=\"{y}\"{(css is null ? string.Empty : $" class=\"{css}\"")}>");
                if (text.Length > MaxChars)
                {
                    // SVG text does not wrap: long cloud ids are cut, and the whole text is the tooltip.
                    html.Append(CultureInfo.InvariantCulture, $"<title>{Text.Escape(text)}</title>{Text.Escape(text[..(MaxChars - 1)])}…");
                }
                else
                {
                    html.Append(Text.Escape(text));
                }

                html.Append("</text>");
            }

            html.Append("</g>");
            if (i < boxes.Count - 1)
            {
                var from = x + BoxWidth;
                var mid = Pad + (height / 2);
                html.Append(CultureInfo.InvariantCulture, $"<path class=\"arrow\" d=\"M{from + 2} {mid} H{from + Gap - 8}\"/><path class=\"head\" d=\"M{from + Gap - 9} {mid - 5} L{from + Gap - 2} {mid} L{from + Gap - 9} {mid + 5} Z\"/>");
            }
        }

        html.Append("</svg>");
    }

    /// <summary>What a path is, in words (the drawing's caption and title).</summary>
    public static string Title(PathTrace path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Direction == PathDirection.Return
            ? $"return to {Cidr.Format(path.Destination)} ({path.Source}) from {path.Start}"
            : path.Outcome == PathOutcome.NotLinked
                ? $"{Label(path.Endpoint)} {path.Name} from {path.Start}"
                : $"{Label(path.Endpoint)} {path.Name} {Cidr.Format(path.Destination)} from {path.Start}";
    }

    public static string Label(EndpointKind endpoint) => endpoint switch
    {
        EndpointKind.Registry => "registry",
        EndpointKind.Auth => "auth",
        EndpointKind.Oss => "OSS",
        EndpointKind.OssPrivateLink => "OSS PrivateLink",
        _ => "source",
    };

    private static Box HopBox(Hop hop, Account account)
    {
        var lines = new List<(string, string?)>
        {
            (hop.Kind == HopKind.Vpc ? $"VPC {hop.NodeId}" : $"TR {hop.NodeId}", "node"),
            (hop.Region, "muted"),
            ($"table {hop.RouteTableId ?? "(none)"}", null),
        };
        if (hop.Ingress is { } ingress)
        {
            lines.Add(($"in via {ingress}", "muted"));
        }

        var mark = MarkOf(hop, account);
        if (hop.Route is { } route)
        {
            lines.Add((Cidr.Format(route.Destination), "route"));
            lines.Add(($"→ {route.NextHopType}{(route.NextHopId is null ? string.Empty : " " + route.NextHopId)}", "route"));
        }

        var (tag, css) = mark switch
        {
            RouteMark.WouldAdd => ("+ AcrReach would add this route", "would-add"),
            RouteMark.AddedByAcrReach => ("added by AcrReach", "added"),
            RouteMark.Propagated => ("propagated", null),
            RouteMark.Implicit => ("implicit", null),
            RouteMark.Existing => ("existing", null),
            _ => (string.Empty, null),
        };
        var result = hop.Result switch
        {
            HopResult.Forwarded => $"to {hop.Next}",
            HopResult.Delivered => $"delivered: {hop.Arrival}",
            _ => ExplainWords.Of(hop.Result),
        };
        if (tag.Length > 0)
        {
            lines.Add((tag, "tag"));
        }

        lines.Add((result, hop.Result is HopResult.Forwarded or HopResult.Delivered ? "muted" : "bad"));
        return new Box(lines, css ?? (hop.Result is HopResult.Forwarded or HopResult.Delivered ? "table" : "table broken-at"));
    }

    private static Box EndBox(PathTrace path)
    {
        if (path.Reached)
        {
            return new Box([("REACHED", "node"), (path.Arrival?.ToString() ?? path.Expected.ToString(), null)], "end reached");
        }

        var lines = new List<(string, string?)> { ("BROKEN", "node"), (ExplainWords.Of(path.Outcome), null) };
        if (path.Arrival is { } arrival)
        {
            lines.Add(($"arrives at {arrival}", "muted"));
        }

        lines.Add(($"expected {path.Expected}", "muted"));
        return new Box(lines, "end broken");
    }

    private sealed record Box(List<(string Text, string? Css)> Lines, string Css);
}
