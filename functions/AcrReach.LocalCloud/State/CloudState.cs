using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Topology;

namespace AcrReach.LocalCloud.State;

/// <summary>
/// The account as the local cloud holds it: seeded from a scenario, changed by the write APIs, written back out as a
/// scenario. Every read and write happens under <see cref="Gate"/>; asynchronous operations settle lazily when
/// <see cref="Advance"/> sees their due time pass on the injected clock.
/// </summary>
internal sealed class CloudState
{
    /// <summary>The tag the reach policy is read from on a real account: comma-separated registry instance ids.</summary>
    public const string ReachTag = "acr-reach";

    private readonly List<(DateTimeOffset Due, Action Apply)> _transitions = [];
    private readonly Dictionary<(string Action, string Token), (string Fingerprint, string ResultId)> _clientTokens = [];
    private readonly Account _seed;
    private readonly ImmutableSortedDictionary<string, string> _owners;
    private long _sequence;

    public CloudState(Account account, TimeProvider time, TimeSpan settleTime)
    {
        _seed = account;
        Time = time;
        SettleTime = settleTime;
        AccountId = account.AccountId;
        OwnerId = long.TryParse(account.AccountId, out var owner) ? owner : 0;
        _owners = account.Owners;
        var now = time.GetUtcNow();
        Started = now;

        var reachByVpc = account.Policy.Reach
            .Where(r => r.From.VpcId is not null)
            .GroupBy(r => r.From.VpcId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Registry), StringComparer.Ordinal);
        foreach (var vpc in account.Vpcs)
        {
            var tags = new SortedDictionary<string, string>(vpc.Tags, StringComparer.Ordinal);
            if (reachByVpc.TryGetValue(vpc.Id, out var registries))
            {
                tags[ReachTag] = MergeReachTag(tags.GetValueOrDefault(ReachTag), registries);
            }

            var state = new VpcState(vpc.Id, vpc.Region, [.. vpc.Cidrs], tags, [.. vpc.VSwitches]);
            foreach (var table in vpc.RouteTables)
            {
                var tableState = new RouteTableState(table.Id, table.Type, state);
                foreach (var entry in table.Entries)
                {
                    var destination = Core.Addressing.Cidr.Format(entry.Destination);
                    tableState.Entries.Add(new RouteEntryState(Ids.SeededRouteEntry(table.Id, destination), entry.Destination, entry.NextHopType, entry.NextHopId, entry.Name, entry.Description, entry.NextHopType == VpcNextHopTypes.Local)
                    {
                        Modified = now,
                    });
                }

                state.RouteTables.Add(tableState);
            }

            Vpcs.Add(state);
        }

        foreach (var router in account.TransitRouters)
        {
            var state = new TransitRouterState(router.Id, router.Region, router.CenId, [.. router.Attachments]);
            foreach (var table in router.RouteTables)
            {
                var tableState = new TransitRouteTableState(table.Id, state, table.IsDefault, [.. table.Associations]);
                foreach (var entry in table.Entries)
                {
                    var id = entry.Origin == RouteOrigin.Static ? Ids.SeededRouteEntry(table.Id, Core.Addressing.Cidr.Format(entry.Destination)) : null;
                    tableState.Entries.Add(new TransitRouteEntryState(id, entry.Destination, entry.NextHopType, entry.NextHopId, entry.Origin, entry.Name, entry.Description) { Created = now });
                }

                state.RouteTables.Add(tableState);
            }

            TransitRouters.Add(state);
        }

        foreach (var registry in account.Registries)
        {
            var state = new RegistryState(registry);
            state.LinkedVpcs.AddRange(registry.VpcEndpoints.Select(e => new LinkedVpcState(e.VpcId, e.VswitchId, e.Ip)));
            Registries.Add(state);
        }

        foreach (var zone in account.PrivateZones.IsDefault ? [] : account.PrivateZones)
        {
            var state = new ZoneState(zone.Id, zone.Name, "ZONE", zone.Remark, now) { Vpcs = [.. zone.Vpcs] };
            state.Records.AddRange(zone.Records.Select(r => new ZoneRecordState(NextRecordId(), r.Rr, r.Type, r.Value, r.Ttl, null, r.Remark)));
            Zones.Add(state);
        }

        var reachByDataCenter = account.Policy.Reach
            .Where(r => r.From.DataCenter is not null)
            .GroupBy(r => r.From.DataCenter!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Registry), StringComparer.Ordinal);
        foreach (var dataCenter in account.DataCenters)
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [Core.Reach.ResourceTags.DataCenterCidrs] = string.Join(',', dataCenter.Cidrs.Select(Core.Addressing.Cidr.Format)),
            };
            if (reachByDataCenter.TryGetValue(dataCenter.Name, out var registries))
            {
                tags[ReachTag] = MergeReachTag(null, registries);
            }

            DataCenterTags[dataCenter.Name] = tags;
        }

        foreach (var (region, names) in account.RegionalEndpoints.ByRegion)
        {
            RegionalEndpoints[region] = new SortedDictionary<string, IPAddress>(names, StringComparer.Ordinal);
        }
    }

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    public TimeSpan SettleTime { get; }

    public string AccountId { get; }

    public long OwnerId { get; }

    public List<VpcState> Vpcs { get; } = [];

    public List<TransitRouterState> TransitRouters { get; } = [];

    public List<RegistryState> Registries { get; } = [];

    public List<ZoneState> Zones { get; } = [];

    public SortedDictionary<string, SortedDictionary<string, IPAddress>> RegionalEndpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The tags of a data center's VBR/VPN attachments: <c>acr-reach-cidrs</c> (its CIDR blocks) and <c>acr-reach</c>
    /// (the registries its policy rules name), so discovery from tags sees the scenario's data centers and rules.
    /// </summary>
    public Dictionary<string, SortedDictionary<string, string>> DataCenterTags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every region the account has something in: what ListInstanceRegion answers here.</summary>
    public IEnumerable<string> Regions =>
        Vpcs.Select(v => v.Region)
            .Concat(TransitRouters.Select(r => r.Region))
            .Concat(Registries.Select(r => r.Registry.Region))
            .Concat(RegionalEndpoints.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>When the local cloud started: the creation time of everything the scenario seeded.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>A number that grows with every write: feeds derived ids so two creates never collide.</summary>
    public long NextSequence() => ++_sequence;

    public long NextRecordId() => 1_000_000 + NextSequence();

    /// <summary>Schedules a change of state <see cref="SettleTime"/> from now (Pending to Available, Creating to Active, ...).</summary>
    public void Settle(Action apply)
    {
        if (SettleTime <= TimeSpan.Zero)
        {
            apply();
            return;
        }

        _transitions.Add((Now + SettleTime, apply));
    }

    /// <summary>Applies every transition whose time has come. Called under <see cref="Gate"/> before each request is served.</summary>
    public void Advance()
    {
        if (_transitions.Count == 0)
        {
            return;
        }

        var now = Now;
        var due = _transitions.Where(t => t.Due <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        _transitions.RemoveAll(t => t.Due <= now);
        foreach (var (_, apply) in due.OrderBy(t => t.Due))
        {
            apply();
        }
    }

    /// <summary>
    /// ClientToken idempotency: the id the first call with this token created, when the same token comes with the same
    /// parameters; null for a new (or absent) token. The same token with other parameters is IdempotentParameterMismatch.
    /// </summary>
    public string? Replayed(Http.ApiRequest request)
    {
        if (request.Optional("ClientToken") is not { } token || !_clientTokens.TryGetValue((request.Action, token), out var earlier))
        {
            return null;
        }

        return earlier.Fingerprint == request.Fingerprint
            ? earlier.ResultId
            : throw new Http.ApiError("IdempotentParameterMismatch", "Request uses a client token in a previous request but is not identical to that request.");
    }

    /// <summary>Records what a successful write created, for <see cref="Replayed"/>; a refused write records nothing.</summary>
    public void Remember(Http.ApiRequest request, string resultId)
    {
        if (request.Optional("ClientToken") is { } token)
        {
            _clientTokens[(request.Action, token)] = (request.Fingerprint, resultId);
        }
    }

    /// <summary>Every write the local cloud accepted, in order, with the account that made it (control API: <c>/_local/writes</c>).</summary>
    public List<WriteRecord> Writes { get; } = [];

    /// <summary>The account owning a VPC, transit router or registry (by id); the network account for anything else.</summary>
    public string OwnerOf(string resourceId) => _owners.TryGetValue(resourceId, out var owner) ? owner : AccountId;

    /// <summary>The owner as the APIs' numeric OwnerId / VpcOwnerId.</summary>
    public long OwnerIdOf(string resourceId) => long.TryParse(OwnerOf(resourceId), out var id) ? id : 0;

    /// <summary>A list answers only with the caller's own resources, as each account's API does.</summary>
    public bool Visible(Http.ApiRequest request, string resourceId) => OwnerOf(resourceId) == (request.Caller?.AccountId ?? AccountId);

    /// <summary>The account owning what a call acts on (a route table, a transit router, a registry), or null when it names none.</summary>
    public string? TargetOwner(Http.ApiRequest request)
    {
        if ((request.Optional("RouteTableId") ?? request.Optional("RouteEntries.1.RouteTableId")) is { } table && FindRouteTable(table) is { } vpcTable)
        {
            return OwnerOf(vpcTable.Vpc.Id);
        }

        if (request.Optional("TransitRouterRouteTableId") is { } trTable && FindTransitRouteTable(trTable) is { } transitTable)
        {
            return OwnerOf(transitTable.Router.Id);
        }

        if (request.Optional("TransitRouterId") is { } router && TransitRouters.Any(r => r.Id == router))
        {
            return OwnerOf(router);
        }

        if (request.Optional("InstanceId") is { } instance && FindRegistry(instance) is not null)
        {
            return OwnerOf(instance);
        }

        return null;
    }

    public VpcState? FindVpc(string id) => Vpcs.FirstOrDefault(v => v.Id == id);

    public RouteTableState? FindRouteTable(string id) => Vpcs.SelectMany(v => v.RouteTables).FirstOrDefault(t => t.Id == id);

    public TransitRouteTableState? FindTransitRouteTable(string id) => TransitRouters.SelectMany(r => r.RouteTables).FirstOrDefault(t => t.Id == id);

    public RegistryState? FindRegistry(string instanceId) => Registries.FirstOrDefault(r => r.Registry.InstanceId == instanceId);

    public ZoneState? FindZone(string id) => Zones.FirstOrDefault(z => z.Id == id);

    /// <summary>The current state as an account, ready for ScenarioWriter: what <c>GET /_local/state</c> returns.</summary>
    public Account ToAccount() => _seed with
    {
        Vpcs = [.. Vpcs.Select(v => new Vpc(
            v.Id,
            v.Region,
            [.. v.Cidrs],
            v.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. v.VSwitches],
            [.. v.RouteTables.Select(t => new RouteTable(t.Id, t.Type, [.. t.Entries.Select(e => new RouteEntry(e.Destination, e.NextHopType, e.NextHopId, e.Name, e.Description))]))]))],
        TransitRouters = [.. TransitRouters.Select(r => new TransitRouter(
            r.Id,
            r.Region,
            r.CenId,
            [.. r.Attachments],
            [.. r.RouteTables.Select(t => new TransitRouteTable(t.Id, t.IsDefault, [.. t.Associations], [.. t.Entries.Select(e => new TransitRouteEntry(e.Destination, e.NextHopType, e.NextHopId, e.Origin, e.Name, e.Description))]))]))],
        Registries = [.. Registries.Select(r => r.Registry with { VpcEndpoints = [.. r.LinkedVpcs.Select(l => new VpcEndpoint(l.VpcId, l.VswitchId, l.Ip))] })],
        RegionalEndpoints = new RegionalEndpoints(RegionalEndpoints.ToImmutableSortedDictionary(r => r.Key, r => r.Value.ToImmutableSortedDictionary(StringComparer.Ordinal), StringComparer.Ordinal)),
        PrivateZones = [.. Zones.Select(z => new PrivateZone(z.Id, z.Name, [.. z.Records.Select(r => new ZoneRecord(r.Rr, r.Type, r.Value, r.Ttl) { Remark = r.Remark })], [.. z.Vpcs]) { Remark = z.Remark })],
    };

    private static string MergeReachTag(string? existing, IEnumerable<string> registries)
    {
        if (existing == "*")
        {
            return existing;
        }

        var ids = (existing ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Concat(registries);
        return string.Join(',', ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }
}
