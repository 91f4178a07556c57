using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Tracing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>The source of a reach rule as the planner needs it: a VPC or a data center.</summary>
internal sealed record SourceNetwork(string Name, Vpc? Vpc, DataCenter? DataCenter)
{
    /// <summary>The source's own address blocks (VPC CIDR blocks, or data-center CIDRs).</summary>
    public ImmutableArray<IPNetwork> Blocks => Vpc?.Cidrs ?? DataCenter!.Cidrs;

    /// <summary>What the return path must reach: each vSwitch CIDR of a VPC, each CIDR of a data center.</summary>
    public ImmutableArray<IPNetwork> ReturnCidrs =>
        [.. (Vpc is { } vpc ? vpc.VSwitches.Select(s => s.Cidr) : DataCenter!.Cidrs).Distinct().Order(Comparer<IPNetwork>.Create(Cidr.Compare))];

    public Arrival Home => Vpc is { } vpc ? Arrival.AtVpc(vpc.Id) : Arrival.AtDataCenter(DataCenter!.Name);

    public string Describe => Vpc is not null ? Name : $"data center {Name}";
}

/// <summary>
/// An endpoint a source must reach: its names, its address, the destinations routed for it (a /32, or the
/// published OSS ranges) and where it must be delivered.
/// </summary>
internal sealed record RequiredEndpoint(
    EndpointKind Kind,
    ImmutableArray<string> Names,
    IPAddress Address,
    ImmutableArray<IPNetwork> Destinations,
    Arrival Expected)
{
    /// <summary>An address conflict rules this endpoint out: it is traced (for explain and verify) but never routed or resolved.</summary>
    public bool Blocked { get; init; }

    public string Label => RouteReason.Label(Kind);

    /// <summary>A cloud service in 100.x: transit-router tables may cover it with 100.0.0.0/8.</summary>
    public bool IsService => Kind is EndpointKind.Auth or EndpointKind.Oss;

    public string PrimaryName => Names[^1];
}

/// <summary>
/// The path the planner intends between routers: from the router the source enters, over peer attachments, to the
/// registry VPC's router, with the attachment each router must send the traffic to.
/// </summary>
internal sealed record IntendedPath(
    string? SourceAttachment,
    ImmutableArray<(string RouterId, string NextAttachment)> Routers,
    string EntryAttachment)
{
    /// <summary>
    /// Where a return route in <paramref name="routerId"/> should point to head back to the source: the peer
    /// attachment toward the previous router, or at the first router the attachment the source entered on.
    /// </summary>
    public string? ReturnHop(string routerId)
    {
        for (var i = 0; i < Routers.Length; i++)
        {
            if (Routers[i].RouterId == routerId)
            {
                return i == 0 ? EntryAttachment : Routers[i - 1].NextAttachment;
            }
        }

        return null;
    }
}
