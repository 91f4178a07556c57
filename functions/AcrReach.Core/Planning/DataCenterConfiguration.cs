using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>
/// What one data center's own equipment needs for a plan to hold: the routes its edge router must send toward the
/// VBR/VPN connection, the blocks it must announce for the return path, and the names its DNS must answer. Read off
/// the plan itself (its DNS records and its traced paths), never computed again, so the on-premises configuration
/// cannot disagree with the plan.
/// </summary>
public sealed record DataCenterConfiguration(
    string PlanId,
    string DataCenter,
    ImmutableArray<DataCenterConnection> Connections,
    ImmutableArray<DataCenterRoute> Routes,
    ImmutableArray<IPNetwork> Advertise,
    ImmutableArray<DataCenterName> Names)
{
    /// <summary>Nothing to configure: no reach rule starts in this data center, or every one of its endpoints is ruled out.</summary>
    public bool IsEmpty => Routes.IsEmpty && Names.IsEmpty;

    /// <summary>
    /// The configuration of <paramref name="dataCenter"/> from <paramref name="plan"/>. A route is listed for every
    /// forward path of the data center whose name the plan resolves for it (an endpoint ruled out by an address
    /// conflict has no DNS record and gets no route); the blocks to announce are the return paths' destinations.
    /// </summary>
    public static DataCenterConfiguration For(Plan plan, Account account, string dataCenter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(account);
        if (account.FindDataCenter(dataCenter) is null)
        {
            throw new ArgumentException($"account {account.AccountId} has no data center '{dataCenter}'", nameof(dataCenter));
        }

        var records = plan.Dns.Where(d => d.Scope == dataCenter).ToList();
        var resolved = records.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var byCidr = Comparer<IPNetwork>.Create(Cidr.Compare);
        var routes = plan.Paths
            .Where(p => p.Direction == PathDirection.Forward && p.Source == dataCenter && p.Name is not null && resolved.Contains(p.Name) && p.Destination.PrefixLength > 0)
            .GroupBy(p => p.Destination)
            .Select(g => new DataCenterRoute(
                g.Key,
                [.. g.Select(p => new RoutePurpose(p.Registry, p.Endpoint, p.Name!)).Distinct().OrderBy(p => p.Registry, StringComparer.Ordinal).ThenBy(p => p.Endpoint).ThenBy(p => p.Name, StringComparer.Ordinal)]))
            .OrderBy(r => r.Destination, byCidr)
            .ToImmutableArray();
        var advertise = plan.Paths
            .Where(p => p.Direction == PathDirection.Return && p.Source == dataCenter)
            .Select(p => p.Destination)
            .Distinct()
            .Order(byCidr)
            .ToImmutableArray();
        var names = records
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new DataCenterName(g.Key, g.First().Ip, PurposeOf(plan, dataCenter, g.Key)))
            .OrderBy(n => n.Purpose?.Registry, StringComparer.Ordinal)
            .ThenBy(n => n.Purpose?.Endpoint)
            .ThenBy(n => n.Name.TrimStart('*', '.'), StringComparer.Ordinal)
            .ThenBy(n => n.IsWildcard)
            .ToImmutableArray();
        var connections = account.TransitRouters
            .SelectMany(t => t.Attachments.Where(a => a.DataCenter == dataCenter).Select(a => new DataCenterConnection(a.Id, a.Type, t.Id, t.Region)))
            .OrderBy(c => c.AttachmentId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DataCenterConfiguration(plan.PlanId, dataCenter, connections, routes, advertise, names);
    }

    /// <summary>The registry and endpoint a name is for, from the path traced for it (the OSS wildcard shares its apex's path); null when nothing was traced (no connection).</summary>
    private static RoutePurpose? PurposeOf(Plan plan, string dataCenter, string name)
    {
        var traced = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        return plan.Paths
            .Where(p => p.Direction == PathDirection.Forward && p.Source == dataCenter && p.Name == traced)
            .Select(p => new RoutePurpose(p.Registry, p.Endpoint, name))
            .OrderBy(p => p.Registry, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>How a data center is connected: a VBR (Express Connect) or VPN attachment of a transit router.</summary>
public sealed record DataCenterConnection(string AttachmentId, AttachmentType Type, string TransitRouterId, string Region)
{
    public string Describe => $"{(Type == AttachmentType.Vbr ? "VBR" : "VPN")} attachment {AttachmentId} of transit router {TransitRouterId} ({Region})";
}

/// <summary>A route the data center's edge router needs, and every endpoint it is for.</summary>
public sealed record DataCenterRoute(IPNetwork Destination, ImmutableArray<RoutePurpose> Purposes)
{
    public string Describe => string.Join("; ", Purposes.Select(p => p.Describe));
}

/// <summary>A name the data center's DNS must answer, with the address the plan gives it.</summary>
public sealed record DataCenterName(string Name, IPAddress Ip, RoutePurpose? Purpose)
{
    public bool IsWildcard => Name.StartsWith("*.", StringComparison.Ordinal);
}

/// <summary>What a route or a name is for: an endpoint of a registry instance.</summary>
public sealed record RoutePurpose(string Registry, EndpointKind Endpoint, string Name)
{
    public string Describe => $"{Label} of {Registry} ({Name})";

    public string Label => Endpoint switch
    {
        EndpointKind.Registry => "registry",
        EndpointKind.Auth => "auth",
        EndpointKind.Oss => "OSS",
        EndpointKind.OssPrivateLink => "OSS PrivateLink",
        _ => "source",
    };
}
