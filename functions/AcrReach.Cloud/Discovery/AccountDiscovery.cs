using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// Reads an account into the model scenarios use, in the fewest calls the APIs allow: whole pages at the largest page
/// size, region-wide lists (vSwitches and route tables per region, not per VPC), one entry listing per route table,
/// and every independent read in parallel — each API with at most <see cref="DiscoveryOptions.MaxConcurrentCallsPerApi"/>
/// calls in flight, paced by the client's per-action rate limiter.
/// </summary>
public sealed class AccountDiscovery
{
    private readonly CloudApis _apis;
    private readonly IEndpointLookup _lookup;
    private readonly DiscoveryOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public AccountDiscovery(CloudApis apis, IEndpointLookup lookup, DiscoveryOptions? options = null)
    {
        _apis = apis ?? throw new ArgumentNullException(nameof(apis));
        _lookup = lookup ?? throw new ArgumentNullException(nameof(lookup));
        _options = options ?? new DiscoveryOptions();
        if (_options.MaxConcurrentCallsPerApi < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "at least one call per API must be allowed");
        }
    }

    public Task<DiscoveredAccount> DiscoverAsync(CancellationToken cancellationToken = default) => DiscoverAsync(null, cancellationToken);

    /// <summary>
    /// With a <paramref name="focus"/>, reads only what its sources' paths can touch (<see cref="PathDiscovery"/>): the
    /// result is marked <see cref="DiscoveredAccount.IsPartial"/>, and plans the focus's scope exactly as the whole account
    /// does. Where the paths cannot be bounded (the plan weighs every block in use, members' accounts are read too), or
    /// without a focus, the whole account is read.
    /// </summary>
    public async Task<DiscoveredAccount> DiscoverAsync(DiscoveryFocus? focus, CancellationToken cancellationToken = default)
    {
        var configured = _options.Regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (focus is not null)
        {
            var policy = await PolicyAsync(cancellationToken);
            if (policy.Members.IsEmpty && await new PathDiscovery(this, _apis, focus).DiscoverAsync(configured, policy, cancellationToken) is { } scoped)
            {
                return scoped;
            }
        }

        return await DiscoverAccountAsync(configured, cancellationToken);
    }

    /// <summary>
    /// What every shard of a fanned-out sweep would read alike (<see cref="SharedReadings"/>): the listing discovery starts
    /// from, each registry's VPC endpoint, each router's peer, VBR and VPN attachments; read once, by the timer.
    /// </summary>
    public async Task<SharedReadings> ReadSharedAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var configured = _options.Regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var listing = await ListAsync(_apis, configured, cancellationToken);
        var registries = Task.WhenAll(listing.Instances.Select(async instance => new SharedRegistry(instance.InstanceId!, await EndpointAsync(_apis, instance, cancellationToken))));
        var routers = Task.WhenAll(listing.Routers.Select(async router =>
        {
            var id = router.TransitRouterId!;
            var cbn = _apis.Cbn;
            var peers = PeersAsync(cbn, id, cancellationToken);
            var vbrs = VbrsAsync(cbn, id, cancellationToken);
            var vpns = VpnsAsync(cbn, id, cancellationToken);
            return new SharedRouter(id, await peers, await vbrs, await vpns);
        }));
        return new SharedReadings(now, configured, listing.Routers, listing.Instances, [.. await registries], [.. await routers]);
    }

    private async Task<DiscoveredAccount> DiscoverAccountAsync(ImmutableArray<string> configured, CancellationToken cancellationToken)
    {
        Report(configured.IsEmpty ? "finding the regions that hold a transit router or a registry" : $"reading {string.Join(", ", configured)}");

        // The network account's own listing comes first: against a dead endpoint its error (a cloud API's) is the one
        // the run reports, not the policy lookup's.
        var ownListing = ListAsync(_apis, configured, cancellationToken);
        var policyRead = PolicyAsync(cancellationToken);
        var own = await ownListing;
        var policy = await policyRead;
        var sources = await SourcesAsync(policy, cancellationToken);

        // Each account lists only its own resources; the regions read are every account's together (a workload
        // account's VPC is in a region where the network account has a transit router).
        ImmutableArray<Listing> listings = [own, .. await Task.WhenAll(sources.Reachable.Skip(1).Select(source => ListAsync(source.Apis, configured, cancellationToken)))];
        var regions = RegionsOf(configured, listings);
        var instances = listings.SelectMany(l => l.Instances).ToImmutableArray();
        Report($"reading {regions.Length} region(s) ({string.Join(", ", regions)}): {listings.Sum(l => l.Routers.Length)} transit router(s), {instances.Length} registr{(instances.Length == 1 ? "y" : "ies")}{(sources.Reachable.Length > 1 ? $", {sources.Reachable.Length} accounts" : string.Empty)}");

        var reads = await Task.WhenAll(sources.Reachable.Zip(listings).Select(pair => ReadAccountAsync(pair.First.Apis, regions, pair.Second, cancellationToken)));
        var registries = reads.SelectMany(r => r.Registries).ToImmutableArray();

        var names = await NamesAsync(regions, instances, registries.Select(r => (r.Instance, r.Realm)), cancellationToken);

        var readings = new CloudReadings(
            regions,
            [.. reads.SelectMany(r => r.Regions)],
            [.. reads.SelectMany(r => r.Routers)],
            registries,
            names);
        var networkAccountId = AccountIdOr(reads[0].AsReadings(names));
        var discovered = DiscoveryMapping.ToAccount(readings, policy, networkAccountId);
        var owners = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (source, read) in sources.Reachable.Zip(reads).Where(p => p.First.Member is not null))
        {
            foreach (var id in read.ResourceIds())
            {
                owners[id] = source.Member!.AccountId;
            }
        }

        var account = discovered.Account with { Members = policy.Members, Owners = owners.ToImmutable() };
        discovered = discovered with { Account = account, Notes = [.. discovered.Notes.Concat(sources.Unreachable.Select(u => Unreachable(u.Member, u.Error, account.AccountId)))] };
        Report($"read {account.Vpcs.Length} VPC(s), {account.Vpcs.Sum(v => v.RouteTables.Length) + account.TransitRouters.Sum(t => t.RouteTables.Length)} route table(s), {account.DataCenters.Length} data center(s), {ReachRules.Effective(account).Length} reach rule(s)");
        return discovered;
    }

    /// <summary>The regions to read: those configured, else every one holding a transit router or a registry.</summary>
    internal static ImmutableArray<string> RegionsOf(ImmutableArray<string> configured, IEnumerable<Listing> listings) =>
        configured.IsEmpty
            ? [.. listings.SelectMany(l => l.Routers.Select(r => r.RegionId!).Concat(l.Instances.Select(i => i.RegionId!))).Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : configured;

    /// <summary>The account id configured, else the one the readings carry.</summary>
    internal string? AccountIdOr(CloudReadings readings) => _options.AccountId ?? DiscoveryMapping.AccountIdOf(readings);

    /// <summary>The endpoint names resolved in each region; a registry whose challenge names another auth host gets that host routed and resolved (DiscoveryMapping).</summary>
    internal async Task<ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>>> NamesAsync(
        ImmutableArray<string> regions, ImmutableArray<CrInstanceItem> instances, IEnumerable<(CrInstanceItem Instance, Uri? Realm)> realms, CancellationToken cancellationToken) =>
        Merge(
            await ResolveAsync(Wanted(regions, instances), cancellationToken),
            await ResolveAsync(
                [.. realms.Where(r => r.Realm is not null && r.Instance.RegionId is { Length: > 0 })
                    .Select(r => (Region: r.Instance.RegionId!, Name: r.Realm!.Host.ToLowerInvariant()))
                    .Where(w => w.Name != EndpointNames.Auth(w.Region))
                    .Distinct()],
                cancellationToken));

    private sealed record Source(MemberAccount? Member, CloudApis Apis);

    private sealed record Sources(ImmutableArray<Source> Reachable, ImmutableArray<(MemberAccount Member, CloudApiException Error)> Unreachable);

    /// <summary>
    /// The network account (these APIs) and every member whose role can be assumed now. A member whose role cannot be
    /// (missing, not trusting this account) is left out and reported; a transient failure still fails the run.
    /// </summary>
    private async Task<Sources> SourcesAsync(PolicySettings policy, CancellationToken cancellationToken)
    {
        var reachable = ImmutableArray.CreateBuilder<Source>();
        var unreachable = ImmutableArray.CreateBuilder<(MemberAccount, CloudApiException)>();
        reachable.Add(new Source(null, _apis));
        foreach (var member in policy.Members)
        {
            var apis = _apis.AsMember(member);
            try
            {
                await apis.Credentials.GetCredentialsAsync(cancellationToken);
                reachable.Add(new Source(member, apis));
                Report($"assumed {member.RoleArn}");
            }
            catch (CloudApiException e) when (!e.IsTransient)
            {
                unreachable.Add((member, e));
                Report($"cannot assume {member.RoleArn}: {e.Code}");
            }
        }

        return new Sources(reachable.ToImmutable(), unreachable.ToImmutable());
    }

    private static Finding Unreachable(MemberAccount member, CloudApiException error, string networkAccountId) => new(
        DiscoveryNotes.AccountUnreachable,
        Severity.Error,
        $"account {member.AccountId}: cannot assume {member.RoleArn} ({error.Code}: {error.ServiceMessage}); its VPCs, transit routers and registries were not read and nothing of it is written",
        Remedy: $"in account {member.AccountId}, create the RAM role {member.RoleName} (template-member.yml) with this trust policy: "
            + $"{{\"Version\":\"1\",\"Statement\":[{{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{{\"RAM\":[\"acs:ram::{networkAccountId}:root\"]}}}}]}}"
            + $", and allow AcrReach's function role sts:AssumeRole on acs:ram::*:role/{member.RoleName}");

    internal sealed record Listing(ImmutableArray<TransitRouterItem> Routers, ImmutableArray<CrInstanceItem> Instances);

    private sealed record AccountReads(ImmutableArray<RegionReadings> Regions, ImmutableArray<RouterReadings> Routers, ImmutableArray<RegistryReadings> Registries)
    {
        public CloudReadings AsReadings(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> names) =>
            new([.. Regions.Select(r => r.Region)], Regions, Routers, Registries, names);

        /// <summary>The VPCs, transit routers and registries this account listed: what it owns.</summary>
        public IEnumerable<string> ResourceIds() =>
            Regions.SelectMany(r => r.Vpcs).Select(v => v.VpcId)
                .Concat(Routers.Select(r => r.Router.TransitRouterId))
                .Concat(Registries.Select(r => r.Instance.InstanceId))
                .OfType<string>();
    }

    /// <summary>One account's transit routers and registry instances: what decides the regions to read.</summary>
    internal async Task<Listing> ListAsync(CloudApis apis, ImmutableArray<string> configured, CancellationToken cancellationToken)
    {
        var routersRead = TransitRoutersAsync(apis, cancellationToken);
        var crRegions = configured.IsEmpty ? await ContainerRegistryRegionsAsync(apis, cancellationToken) : configured;
        var instancesRead = Task.WhenAll(crRegions.Select(region => InstancesAsync(apis, region, cancellationToken)));
        var routers = (await routersRead)
            .Where(r => r.TransitRouterId is not null && (configured.IsEmpty || configured.Contains(r.RegionId ?? string.Empty)))
            .ToImmutableArray();
        return new Listing(routers, [.. (await instancesRead).SelectMany(i => i)]);
    }

    private async Task<AccountReads> ReadAccountAsync(CloudApis apis, ImmutableArray<string> regions, Listing listing, CancellationToken cancellationToken)
    {
        var regionReads = Task.WhenAll(regions.Select(region => ReadRegionAsync(apis, region, cancellationToken)));
        var routerReads = Task.WhenAll(listing.Routers.Select(router => ReadRouterAsync(apis, router, cancellationToken)));
        var registryReads = Task.WhenAll(listing.Instances.Select(instance => ReadRegistryAsync(apis, instance, cancellationToken)));
        return new AccountReads([.. await regionReads], [.. await routerReads], [.. await registryReads]);
    }

    /// <summary>
    /// Every transit router, listed per CEN instance: ListTransitRouters lists the routers of one CEN, and older API
    /// references mark its CenId required (aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/ListTransitRoutersRequest.ts
    /// now has it optional). Both calls are central, so one listing per CEN covers every region.
    /// </summary>
    private async Task<ImmutableArray<TransitRouterItem>> TransitRoutersAsync(CloudApis apis, CancellationToken cancellationToken)
    {
        var cens = await Gate("DescribeCens", () => apis.Cbn.DescribeAllCensAsync(null, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var cenIds = cens.Select(c => c.CenId).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var routers = await Task.WhenAll(cenIds.Select(cenId => Gate(
            "ListTransitRouters",
            () => apis.Cbn.ListAllTransitRoutersAsync(new ListTransitRoutersRequest { CenId = cenId }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            cancellationToken)));
        return [.. routers.SelectMany(r => r)];
    }

    /// <summary>The policy file given; else whatever the lookup knows (the local cloud's scenario policy); else none.</summary>
    private async Task<PolicySettings> PolicyAsync(CancellationToken cancellationToken) =>
        ReferenceEquals(_options.Policy, PolicySettings.None)
            ? await _lookup.PolicyAsync(cancellationToken) ?? PolicySettings.None
            : _options.Policy;

    /// <summary>The regions Container Registry serves: instances are regional, so each is asked.</summary>
    private async Task<ImmutableArray<string>> ContainerRegistryRegionsAsync(CloudApis apis, CancellationToken cancellationToken)
    {
        var answer = await Gate("ListInstanceRegion", () => apis.Cr(_options.HomeRegion).ListInstanceRegionAsync(new ListInstanceRegionRequest(), cancellationToken), cancellationToken);
        return [.. answer.Regions.Select(r => r.RegionId).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The instances of one region (an endpoint that ignores the region, like the local cloud's, lists all: keep this region's).</summary>
    private async Task<ImmutableArray<CrInstanceItem>> InstancesAsync(CloudApis apis, string region, CancellationToken cancellationToken)
    {
        var all = await Gate("ListInstance", () => apis.Cr(region).ListAllInstancesAsync(null, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        return [.. all.Where(i => i.InstanceId is not null && i.RegionId == region)];
    }

    internal async Task<RegionReadings> ReadRegionAsync(CloudApis apis, string region, CancellationToken cancellationToken)
    {
        var vpc = apis.Vpc(region);
        var vpcs = Gate("DescribeVpcs", () => vpc.DescribeAllVpcsAsync(new DescribeVpcsRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var switches = Gate("DescribeVSwitches", () => vpc.DescribeAllVSwitchesAsync(new DescribeVSwitchesRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var tables = await Gate("DescribeRouteTableList", () => vpc.DescribeAllRouteTablesAsync(new DescribeRouteTableListRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var tableIds = tables.Select(t => t.RouteTableId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var entries = await Task.WhenAll(tableIds.Select(id => Gate(
            "DescribeRouteEntryList",
            () => vpc.DescribeAllRouteEntriesAsync(new DescribeRouteEntryListRequest { RegionId = region, RouteTableId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            cancellationToken)));
        return new RegionReadings(region, await vpcs, await switches, tables, tableIds.Zip(entries).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    private async Task<RouterReadings> ReadRouterAsync(CloudApis apis, TransitRouterItem router, CancellationToken cancellationToken)
    {
        var id = router.TransitRouterId!;
        var cbn = apis.Cbn;
        var vpcs = Gate("ListTransitRouterVpcAttachments", () => cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var peers = PeersAsync(cbn, id, cancellationToken);
        var vbrs = VbrsAsync(cbn, id, cancellationToken);
        var vpns = VpnsAsync(cbn, id, cancellationToken);
        var tables = await Gate("ListTransitRouterRouteTables", () => cbn.ListAllTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var tableIds = tables.Select(t => t.TransitRouterRouteTableId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var associations = Task.WhenAll(tableIds.Select(table => Gate(
            "ListTransitRouterRouteTableAssociations",
            () => cbn.ListAllTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = table }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            cancellationToken)));

        var entries = Task.WhenAll(tableIds.Select(table => TableEntriesAsync(cbn, table, cancellationToken)));
        return new RouterReadings(
            router,
            await vpcs,
            await peers,
            await vbrs,
            await vpns,
            tables,
            tableIds.Zip(await associations).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            tableIds.Zip(await entries).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    /// <summary>A router's peer attachments, every one.</summary>
    internal Task<ImmutableArray<PeerAttachmentItem>> PeersAsync(ICbnApi cbn, string id, CancellationToken cancellationToken) =>
        Gate("ListTransitRouterPeerAttachments", () => cbn.ListAllTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

    /// <summary>A router's VBR attachments, every one.</summary>
    internal Task<ImmutableArray<VbrAttachmentItem>> VbrsAsync(ICbnApi cbn, string id, CancellationToken cancellationToken) =>
        Gate("ListTransitRouterVbrAttachments", () => cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

    /// <summary>A router's VPN attachments, every one.</summary>
    internal Task<ImmutableArray<VpnAttachmentItem>> VpnsAsync(ICbnApi cbn, string id, CancellationToken cancellationToken) =>
        Gate("ListTransitRouterVpnAttachments", () => cbn.ListAllTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Every entry of a transit-router table. Without a status filter the list shows only Active entries (cloud-apis.md
    /// §2.4); All shows the ones still Creating too.
    /// </summary>
    internal Task<ImmutableArray<TransitRouteEntryItem>> TableEntriesAsync(ICbnApi cbn, string table, CancellationToken cancellationToken) =>
        Gate("ListTransitRouterRouteEntries", () => cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = table, TransitRouterRouteEntryStatus = "All" }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

    internal async Task<RegistryReadings> ReadRegistryAsync(CloudApis apis, CrInstanceItem instance, CancellationToken cancellationToken)
    {
        var endpoint = EndpointAsync(apis, instance, cancellationToken);
        var realm = RealmAsync(instance, cancellationToken);
        return new RegistryReadings(instance, await endpoint, await realm);
    }

    private Task<GetInstanceVpcEndpointResponse> EndpointAsync(CloudApis apis, CrInstanceItem instance, CancellationToken cancellationToken) =>
        Gate("GetInstanceVpcEndpoint", () => apis.Cr(instance.RegionId!).GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = instance.InstanceId, ModuleName = "Registry" }, cancellationToken), cancellationToken);

    /// <summary>Where the instance's <c>/v2/</c> challenge sends docker login (a request to the registry, not a cloud API call).</summary>
    internal Task<Uri?> RealmAsync(CrInstanceItem instance, CancellationToken cancellationToken) =>
        Gate("challenge", () => _lookup.AuthRealmAsync(instance.RegionId!, instance.InstanceName ?? string.Empty, cancellationToken), cancellationToken);

    /// <summary>
    /// The endpoint names the planner needs resolved, as seen inside each region: the auth and OSS names of every region
    /// read (a source's own region's service addresses must not be routed away), and custom bucket hosts.
    /// </summary>
    private static (string Region, string Name)[] Wanted(ImmutableArray<string> regions, ImmutableArray<CrInstanceItem> instances) =>
        regions.SelectMany(r => new[] { (Region: r, Name: EndpointNames.Auth(r)), (Region: r, Name: EndpointNames.Oss(r)) })
            .Concat(instances.SelectMany(i => i.Tags.Where(t => t.TagKey == ResourceTags.OssBucket && !string.IsNullOrWhiteSpace(t.TagValue))
                .Select(t => (Region: i.RegionId!, Name: EndpointNames.OssBucket(t.TagValue!.Trim(), i.RegionId!)))))
            .Distinct()
            .ToArray();

    private static ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> Merge(
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> names,
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> more) =>
        more.Aggregate(names, (all, region) => all.SetItem(region.Key, all.TryGetValue(region.Key, out var known) ? known.SetItems(region.Value) : region.Value));

    private async Task<ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>>> ResolveAsync(
        (string Region, string Name)[] wanted, CancellationToken cancellationToken)
    {
        var addresses = await Task.WhenAll(wanted.Select(w => Gate("resolve", () => _lookup.ResolveAsync(w.Region, w.Name, cancellationToken), cancellationToken)));
        return wanted.Zip(addresses)
            .Where(p => p.Second is not null)
            .GroupBy(p => p.First.Region, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                g => g.Key,
                g => g.ToImmutableSortedDictionary(p => p.First.Name, p => p.Second!, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    internal async Task<T> Gate<T>(string api, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(api, _ => new SemaphoreSlim(_options.MaxConcurrentCallsPerApi));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await read();
        }
        finally
        {
            gate.Release();
        }
    }

    internal void Report(string line) => _options.Progress?.Invoke(line);
}
