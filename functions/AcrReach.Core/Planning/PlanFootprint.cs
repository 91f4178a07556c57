using System.Net;

namespace AcrReach.Core.Planning;

/// <summary>
/// What planning and verifying a scope looked at beyond its sources: every transit-router table look-up (table and
/// destination), every association and attachment asked for by id, the data centers asked for, and whether the account's
/// blocks in 100.0.0.0/8 or every registry's endpoints decided anything. A reader of part of the account (path-scoped
/// discovery) reads until everything here is something it read: then the plan is the one the whole account gives,
/// because nothing else was consulted.
/// </summary>
public sealed class PlanFootprint
{
    private readonly HashSet<(string RouteTableId, IPNetwork Destination)> _transitLookUps = [];
    private readonly HashSet<(string RouterId, string AttachmentId)> _associations = [];
    private readonly HashSet<(string RouterId, string AttachmentId)> _attachments = [];
    private readonly HashSet<string> _dataCenters = new(StringComparer.Ordinal);

    /// <summary>Longest-prefix look-ups in transit-router tables: every entry containing the destination decided it.</summary>
    public IReadOnlySet<(string RouteTableId, IPNetwork Destination)> TransitLookUps => _transitLookUps;

    /// <summary>The route table associated with an attachment (traffic entering a router on it), found or not.</summary>
    public IReadOnlySet<(string RouterId, string AttachmentId)> Associations => _associations;

    /// <summary>A route's next-hop attachment of a router, found or not.</summary>
    public IReadOnlySet<(string RouterId, string AttachmentId)> Attachments => _attachments;

    /// <summary>Data centers (their CIDRs or their attachments) asked for by name.</summary>
    public IReadOnlySet<string> DataCenters => _dataCenters;

    /// <summary>Every VPC's and data center's blocks in 100.0.0.0/8 were consulted (would a transit router's /8 capture one).</summary>
    public bool AccountBlocks { get; private set; }

    /// <summary>Every registry's VPC endpoints were consulted (a link's address avoids the addresses already taken).</summary>
    public bool EveryEndpoint { get; private set; }

    internal void UsedEveryEndpoint() => EveryEndpoint = true;

    internal void TransitLookUp(string routeTableId, IPNetwork destination) => _transitLookUps.Add((routeTableId, destination));

    internal void Association(string routerId, string attachmentId) => _associations.Add((routerId, attachmentId));

    internal void Attachment(string routerId, string attachmentId) => _attachments.Add((routerId, attachmentId));

    internal void DataCenter(string name) => _dataCenters.Add(name);

    internal void UsedAccountBlocks() => AccountBlocks = true;
}
