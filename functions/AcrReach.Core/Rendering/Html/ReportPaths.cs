using System.Collections.Immutable;
using AcrReach.Core.Planning;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering.Html;

/// <summary>One required path of a report: as the plan leaves it, as it is now, and how each hop's route came to be there.</summary>
public sealed record ReportPath(PathTrace Planned, PathTrace? Now, ImmutableArray<RouteMark> Marks)
{
    /// <summary>The drawing's marker (<c>source→registry</c>).</summary>
    public string Marker => PathDrawing.Marker(Planned);

    /// <summary>How many routes on this path the plan adds.</summary>
    public int WouldAdd => Marks.Count(m => m == RouteMark.WouldAdd);
}

/// <summary>The paths every report format shows: one per required path of the plan, in the plan's order.</summary>
public static class ReportPaths
{
    public static ImmutableArray<ReportPath> Of(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Plan.Paths.Select(p => new ReportPath(p, Now(input.Now, p), [.. p.Hops.Select(h => PathDrawing.MarkOf(h, input.Account))]))];
    }

    /// <summary>The same path as it is now: the same table and destination; an unlinked VPC has only one untraced path now, for every table the plan traces.</summary>
    private static PathTrace? Now(Verification now, PathTrace planned) =>
        now.Paths.FirstOrDefault(p => (p.Direction, p.Source, p.Registry, p.Endpoint, p.Destination, p.Start) == (planned.Direction, planned.Source, planned.Registry, planned.Endpoint, planned.Destination, planned.Start))
        ?? now.Paths.FirstOrDefault(p => (p.Direction, p.Source, p.Registry, p.Endpoint) == (planned.Direction, planned.Source, planned.Registry, planned.Endpoint) && p.Outcome is PathOutcome.NotLinked or PathOutcome.Unresolved);
}
