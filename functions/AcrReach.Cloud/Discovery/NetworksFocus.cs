using System.Collections.Immutable;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// Several sources at once (a burst of attachment events run as one): the paths of every VPC, read together so that what
/// they share (a transit-router table, a registry, its VPC) is read once; with <see cref="DataCenters"/>, the data
/// centers' attachments too; with <see cref="Peers"/>, every network of the regions the burst's peer attachments join.
/// </summary>
public sealed record NetworksFocus(ImmutableArray<NetworkFocus> Vpcs, bool DataCenters) : DiscoveryFocus
{
    /// <summary>The peer attachments among the burst's, together: their regions, and the rules of the whole run.</summary>
    public PeerFocus? Peers { get; init; }

    public override string Describe() =>
        $"{Vpcs.Length} VPC(s){(DataCenters ? " and data centers" : string.Empty)}{(Peers is null ? string.Empty : $" and {Peers.Describe()}")}";
}
