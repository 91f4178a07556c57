using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>One endpoint whose path crosses a route: its kind, the name a client looks up, and the destination traced.</summary>
internal sealed record ServedEndpoint(EndpointKind Kind, string Name, IPNetwork Destination);

/// <summary>
/// Why a route exists, as its description says it: every endpoint of one registry and source whose path crosses it
/// ("auth X (a) and OSS Y (b) of REGISTRY for SOURCE"), so that a 100.0.0.0/8 carrying auth and OSS traffic says both.
/// Shortened, never cut, to fit the cloud's description limit under any run's mark; the tail " of REGISTRY for SOURCE"
/// always stays whole because pruning reads it back (<see cref="RouteRemovals"/>).
/// </summary>
internal static class RouteReason
{
    public static string Label(EndpointKind kind) => kind switch
    {
        EndpointKind.Registry => "registry",
        EndpointKind.Auth => "auth",
        EndpointKind.Oss => "OSS",
        EndpointKind.OssPrivateLink => "OSS PrivateLink",
        _ => "source",
    };

    /// <summary>The reason text; endpoints in kind order (registry, auth, OSS), then by name, destinations by address.</summary>
    public static string For(string registry, string source, IEnumerable<ServedEndpoint> endpoints)
    {
        var groups = endpoints
            .GroupBy(e => (e.Kind, e.Name))
            .OrderBy(g => g.Key.Kind)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => (g.Key.Kind, g.Key.Name, Destinations: g.Select(e => e.Destination).Distinct().Order(Comparer<IPNetwork>.Create(Cidr.Compare)).ToList()))
            .ToList();
        var tail = $" of {registry} for {source}";
        string[] forms =
        [
            List(groups.Select(g => $"{Label(g.Kind)} {g.Name} ({string.Join(", ", g.Destinations.Select(Text))})")),
            List(groups.Select(g => $"{Label(g.Kind)} {g.Name}")),
            List(groups.Select(g => Label(g.Kind)).Distinct(StringComparer.Ordinal)),
        ];
        return forms.Select(f => f + tail).FirstOrDefault(r => r.Length <= AcrReachMark.MaxReasonLength) ?? forms[^1] + tail;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}";
    }

    /// <summary>A host as its address, a block as its CIDR.</summary>
    private static string Text(IPNetwork network) =>
        network.PrefixLength == 32 ? network.BaseAddress.ToString() : Cidr.Format(network);
}
