using System.Text.Json;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Scenarios;

/// <summary>Writes an account back out as a scenario document that <see cref="ScenarioReader"/> reads again unchanged.</summary>
public static class ScenarioWriter
{
    public static string Write(Account account) =>
        JsonSerializer.Serialize(ToDocument(account), ScenarioJsonContext.Default.ScenarioDocument);

    public static ScenarioDocument ToDocument(Account account) => new()
    {
        AccountId = account.AccountId,
        Accounts = account.Members.IsDefaultOrEmpty
            ? null
            : [.. account.Members.Select(m => new MemberAccountDocument { AccountId = m.AccountId, RoleName = m.RoleName })],
        Vpcs = [.. account.Vpcs.Select(v => ToDocument(v, MemberOwner(account, v.Id)))],
        TransitRouters = [.. account.TransitRouters.Select(t => ToDocument(t, MemberOwner(account, t.Id)))],
        Registries = [.. account.Registries.Select(r => ToDocument(r, MemberOwner(account, r.InstanceId)))],
        RegionalEndpoints = new SortedDictionary<string, SortedDictionary<string, string>>(
            account.RegionalEndpoints.ByRegion.ToDictionary(
                region => region.Key,
                region => new SortedDictionary<string, string>(region.Value.ToDictionary(n => n.Key, n => n.Value.ToString(), StringComparer.Ordinal), StringComparer.Ordinal),
                StringComparer.Ordinal),
            StringComparer.Ordinal),
        OssVipRanges = account.OssVipRangeOverrides.IsEmpty
            ? null
            : new SortedDictionary<string, List<string>>(account.OssVipRangeOverrides.ToDictionary(r => r.Key, r => r.Value.Select(Cidr.Format).ToList(), StringComparer.Ordinal), StringComparer.Ordinal),
        DataCenters = [.. account.DataCenters.Select(d => new DataCenterDocument { Name = d.Name, Cidrs = [.. d.Cidrs.Select(Cidr.Format)] })],
        PrivateZones = account.PrivateZones.IsDefaultOrEmpty
            ? null
            : [.. account.PrivateZones.Select(z => new PrivateZoneDocument
            {
                Id = z.Id,
                Name = z.Name,
                Remark = z.Remark,
                Records = [.. z.Records.Select(r => new ZoneRecordDocument { Rr = r.Rr, Type = r.Type, Value = r.Value, Ttl = r.Ttl, Remark = r.Remark })],
                Vpcs = [.. z.Vpcs.Select(v => new ZoneBindingDocument { VpcId = v.VpcId, RegionId = v.RegionId })],
            })],
        Policy = new PolicyDocument
        {
            Reach = [.. account.Policy.Reach.Select(r => new ReachRuleDocument
            {
                From = new ReachSourceDocument { VpcId = r.From.VpcId, DataCenter = r.From.DataCenter },
                Registry = r.Registry,
            })],
            TransitRouteScope = account.Policy.TransitRouteScope.ToString(),
            OssRouteScope = account.Policy.OssRouteScope.ToString(),
        },
    };

    /// <summary>The owner when a member account owns the resource; null (the field left out) for the network account's own.</summary>
    private static string? MemberOwner(Account account, string resourceId) =>
        account.Owners.TryGetValue(resourceId, out var owner) ? owner : null;

    private static VpcDocument ToDocument(Vpc vpc, string? accountId) => new()
    {
        Id = vpc.Id,
        Region = vpc.Region,
        AccountId = accountId,
        Cidrs = [.. vpc.Cidrs.Select(Cidr.Format)],
        Tags = vpc.Tags.IsEmpty ? null : new SortedDictionary<string, string>(vpc.Tags, StringComparer.Ordinal),
        Vswitches = [.. vpc.VSwitches.Select(s => new VSwitchDocument { Id = s.Id, Zone = s.Zone, Cidr = Cidr.Format(s.Cidr), RouteTableId = s.RouteTableId })],
        RouteTables = [.. vpc.RouteTables.Select(t => new RouteTableDocument
        {
            Id = t.Id,
            Type = t.Type.ToString(),
            Entries = [.. t.Entries.Select(e => new RouteEntryDocument
            {
                Destination = Cidr.Format(e.Destination),
                NextHopType = e.NextHopType,
                NextHopId = e.NextHopId,
                Name = e.Name,
                Description = e.Description,
            })],
        })],
    };

    private static TransitRouterDocument ToDocument(TransitRouter router, string? accountId) => new()
    {
        Id = router.Id,
        Region = router.Region,
        AccountId = accountId,
        CenId = router.CenId,
        Attachments = [.. router.Attachments.Select(a => new AttachmentDocument
        {
            Id = a.Id,
            Type = a.Type switch
            {
                AttachmentType.Vpc => "VPC",
                AttachmentType.Peer => "Peer",
                AttachmentType.Vbr => "VBR",
                _ => "VPN",
            },
            VpcId = a.VpcId,
            PeerTransitRouterId = a.PeerTransitRouterId,
            DataCenter = a.DataCenter,
        })],
        RouteTables = [.. router.RouteTables.Select(t => new TransitRouteTableDocument
        {
            Id = t.Id,
            Default = t.IsDefault,
            Associations = [.. t.Associations],
            Entries = [.. t.Entries.Select(e => new TransitRouteEntryDocument
            {
                Destination = Cidr.Format(e.Destination),
                NextHopType = e.NextHopType.ToString(),
                NextHopId = e.NextHopId,
                Origin = e.Origin.ToString(),
                Name = e.Name,
                Description = e.Description,
            })],
        })],
    };

    private static RegistryDocument ToDocument(Registry registry, string? accountId) => new()
    {
        InstanceId = registry.InstanceId,
        InstanceName = registry.InstanceName,
        Region = registry.Region,
        AccountId = accountId,
        VpcEndpoints = [.. registry.VpcEndpoints.Select(e => new VpcEndpointDocument { VpcId = e.VpcId, VswitchId = e.VswitchId, Ip = e.Ip.ToString() })],
        AuthDomainTakeover = registry.AuthDomainTakeover,
        OssBucket = registry.OssBucket,
        OssPrivateLinkIp = registry.OssPrivateLinkIp?.ToString(),
    };
}
