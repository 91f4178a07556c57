using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>Which endpoints a source needs, and the address conflicts that rule one out before any route is proposed.</summary>
internal sealed partial class PlanningSession
{
    private List<RequiredEndpoint> RequiredEndpoints(SourceNetwork source, Registry registry, VpcEndpoint endpoint, bool pending, Vpc registryVpc)
    {
        var region = registry.Region;
        var targets = new List<RequiredEndpoint>(3);
        var registryName = EndpointNames.Registry(registry.InstanceName, region);
        if (pending)
        {
            _current.Findings.Add(new Finding(FindingCodes.PendingLink, Severity.Warning,
                $"{registry.InstanceId}'s address for {source.Describe} is the one it gets in {registryVpc.Id}, which this plan links; the cloud chooses it",
                source.Name, registry.InstanceId, Remedy: "apply this plan, then plan again to route the registry address"));
        }
        else
        {
            Consider(targets, source, registry, registryVpc, new RequiredEndpoint(
                EndpointKind.Registry, [registryName], endpoint.Ip, [Cidr.Host(endpoint.Ip)], Arrival.AtVpc(registryVpc.Id)));
        }

        if (!registry.AuthDomainTakeover)
        {
            var authName = registry.AuthName;
            if (Resolve(source, registry, authName) is { } auth)
            {
                Consider(targets, source, registry, registryVpc, new RequiredEndpoint(
                    EndpointKind.Auth, [authName], auth, [Cidr.Host(auth)], Arrival.CloudServicesOf(region)));
            }
        }

        ImmutableArray<string> ossNames = registry.OssBucket is { } bucket
            ? [EndpointNames.OssBucket(bucket, region)]
            : [EndpointNames.OssWildcard(region), EndpointNames.Oss(region)];
        if (registry.OssPrivateLinkIp is { } privateLink)
        {
            Consider(targets, source, registry, registryVpc, new RequiredEndpoint(
                EndpointKind.OssPrivateLink, ossNames, privateLink, [Cidr.Host(privateLink)], Arrival.AtVpc(registryVpc.Id)));
        }
        else
        {
            var oss = (registry.OssBucket is null ? null : Account.RegionalEndpoints.Resolve(region, ossNames[0]))
                ?? Resolve(source, registry, EndpointNames.Oss(region));
            if (oss is not null)
            {
                Consider(targets, source, registry, registryVpc, new RequiredEndpoint(
                    EndpointKind.Oss, ossNames, oss, OssDestinations(source, registry, oss), Arrival.CloudServicesOf(region)));
            }
        }

        return targets;
    }

    private IPAddress? Resolve(SourceNetwork source, Registry registry, string name)
    {
        var address = Account.RegionalEndpoints.Resolve(registry.Region, name);
        if (address is null)
        {
            _incomplete = true;
            _current.Findings.Add(new Finding(FindingCodes.EndpointUnresolved, Severity.Error,
                $"{name} has no known address in {registry.Region}, so {source.Describe} cannot be routed to it",
                source.Name, registry.InstanceId,
                Remedy: $"resolve {name} from a VPC in {registry.Region} (ping it) and add the address to regionalEndpoints['{registry.Region}']"));
        }

        return address;
    }

    private ImmutableArray<IPNetwork> OssDestinations(SourceNetwork source, Registry registry, IPAddress address)
    {
        if (Account.Policy.OssRouteScope != OssRouteScope.PublishedRanges)
        {
            return [Cidr.Host(address)];
        }

        var ranges = OssVipRanges.For(Account, registry.Region);
        if (ranges.IsEmpty)
        {
            _current.Findings.Add(new Finding(FindingCodes.OssRangesUnknown, Severity.Warning,
                $"ossRouteScope is PublishedRanges but the OSS VIP ranges of {registry.Region} are unknown; only {address} is routed",
                source.Name, registry.InstanceId,
                Remedy: $"add ossVipRanges['{registry.Region}'] from the OSS \"Regions and endpoints\" page"));
            return [Cidr.Host(address)];
        }

        return ranges.Any(r => r.Contains(address)) ? ranges : ranges.Add(Cidr.Host(address));
    }

    /// <summary>Blocks a target whose address conflicts with the registry VPC or with the source's own networks.</summary>
    private void Consider(List<RequiredEndpoint> targets, SourceNetwork source, Registry registry, Vpc registryVpc, RequiredEndpoint target)
    {
        if (_fix && Conflict(source, registry, registryVpc, target) is { } conflict)
        {
            _current.Findings.Add(conflict);
            target = target with { Blocked = true };
        }

        targets.Add(target);
    }

    private Finding? Conflict(SourceNetwork source, Registry registry, Vpc registryVpc, RequiredEndpoint target)
    {
        if (target.IsService && Overlap(target.Destinations, registryVpc.Cidrs) is { } inRegistryVpc)
        {
            return target.Kind == EndpointKind.Auth
                ? new Finding(FindingCodes.AuthAddressConflict, Severity.Error,
                    $"the auth address {target.Address} ({target.PrimaryName}) lies inside {registryVpc.Id}'s block {Cidr.Format(inRegistryVpc.Block)}, so a route to it would lead into the registry's VPC instead of the auth service",
                    source.Name, registry.InstanceId, Destination: inRegistryVpc.Destination,
                    Remedy: $"enable 'Instance Taking over Authentication Domain Name' on {registry.InstanceId} (Repository > Domain; needs an allow-list ticket), then only the registry address is needed")
                : new Finding(FindingCodes.OssAddressConflict, Severity.Error,
                    $"the OSS address {Text(inRegistryVpc.Destination)} ({target.PrimaryName}) lies inside {registryVpc.Id}'s block {Cidr.Format(inRegistryVpc.Block)}, so a route to it would lead into the registry's VPC instead of OSS",
                    source.Name, registry.InstanceId, Destination: inRegistryVpc.Destination,
                    Remedy: $"reach OSS through a PrivateLink endpoint in {registryVpc.Id} and set ossPrivateLinkIp (CNAME the bucket domain to the PrivateLink domain)");
        }

        if (Overlap(target.Destinations, source.Blocks) is { } inSource)
        {
            return InSourceNetwork(source, registry, target, inSource.Destination, $"lies inside {source.Describe}'s own block {Cidr.Format(inSource.Block)}");
        }

        if (source.Vpc is { } vpc)
        {
            var services = Account.RegionalEndpoints.ByRegion.TryGetValue(vpc.Region, out var names)
                ? names.Values.Select(Cidr.Host).Concat(OssVipRanges.For(Account, vpc.Region))
                : OssVipRanges.For(Account, vpc.Region);
            if (Overlap(target.Destinations, services) is { } inServices)
            {
                var relation = inServices.Block.PrefixLength == 32
                    ? $"{(inServices.Destination.PrefixLength == 32 ? "is also" : $"contains {Text(inServices.Block)},")} an address {vpc.Region} uses for its own cloud services"
                    : $"lies inside {Cidr.Format(inServices.Block)}, a range {vpc.Region} uses for its own cloud services";
                return InSourceNetwork(source, registry, target, inServices.Destination, relation);
            }
        }

        return null;
    }

    private static Finding InSourceNetwork(SourceNetwork source, Registry registry, RequiredEndpoint target, IPNetwork destination, string relation) =>
        new(FindingCodes.AddressInSourceNetwork, Severity.Error,
            $"the {target.Label} address {Text(destination)} ({target.PrimaryName}) {relation}; a route to it would break what {source.Name} already reaches there",
            source.Name, registry.InstanceId, Destination: destination,
            Remedy: target.Kind switch
            {
                EndpointKind.Auth => $"enable auth-domain takeover on {registry.InstanceId} so the auth address is not needed",
                EndpointKind.Oss => "reach OSS through PrivateLink (set ossPrivateLinkIp) so the OSS address is not needed",
                EndpointKind.OssPrivateLink => $"create the OSS PrivateLink endpoint in a vSwitch of {registry.Region} whose block does not overlap {source.Name}, and set ossPrivateLinkIp to its address",
                _ => $"link {registry.InstanceId} in a vSwitch whose block does not overlap {source.Name}, or renumber",
            });

    private static (IPNetwork Destination, IPNetwork Block)? Overlap(IEnumerable<IPNetwork> destinations, IEnumerable<IPNetwork> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var destination in destinations)
            {
                if (destination.Overlaps(block))
                {
                    return (destination, block);
                }
            }
        }

        return null;
    }

    /// <summary>Routes inside a data center are not AcrReach's to make: say which ones its router needs.</summary>
    private void AdviseDataCenterRoutes(DataCenter dataCenter, Registry registry, List<RequiredEndpoint> targets)
    {
        var attachments = _state.DataCenterAttachments(dataCenter.Name);
        if (targets.All(t => t.Blocked) || attachments.Count == 0)
        {
            return;
        }

        var destinations = targets.Where(t => !t.Blocked).SelectMany(t => t.Destinations).Distinct().Order(Comparer<IPNetwork>.Create(Cidr.Compare)).Select(Cidr.Format);
        var via = string.Join(", ", attachments.Select(a => $"{(a.Attachment.Type == AttachmentType.Vbr ? "VBR" : "VPN")} {a.Attachment.Id}"));
        _current.Findings.Add(new Finding(FindingCodes.DataCenterRoutes, Severity.Info,
            $"{dataCenter.Name} must route {string.Join(", ", destinations)} toward {via} to reach {registry.InstanceId}",
            dataCenter.Name, registry.InstanceId,
            Remedy: "add these routes on the data center's edge router (or accept them over BGP); AcrReach does not change routes inside a data center"));
    }

    /// <summary>One instance pulled from three or more other regions: replication serves them better than long paths.</summary>
    private void AdviseReplication(ImmutableArray<ReachRule> all, ReachRule[] scoped)
    {
        var planned = scoped.Select(r => r.Registry).ToHashSet(StringComparer.Ordinal);
        foreach (var group in all.GroupBy(r => r.Registry, StringComparer.Ordinal))
        {
            if (!planned.Contains(group.Key) || _state.Registry(group.Key) is not { } registry)
            {
                continue;
            }

            var regions = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var rule in group)
            {
                if (rule.From.VpcId is { } vpcId)
                {
                    if (_state.Vpc(vpcId) is { } vpc)
                    {
                        regions.Add(vpc.Region);
                    }
                }
                else
                {
                    regions.UnionWith(_state.DataCenterAttachments(rule.From.DataCenter!).Select(a => a.Router.Region));
                }
            }

            regions.Remove(registry.Region);
            if (regions.Count >= 3)
            {
                _current.Findings.Add(new Finding(FindingCodes.UseReplication, Severity.Info,
                    $"{registry.InstanceId} in {registry.Region} is pulled from {regions.Count} other regions ({string.Join(", ", regions)})",
                    Registry: registry.InstanceId,
                    Remedy: $"create Enterprise Edition instances in {string.Join(", ", regions)} and replicate images to them (instance replication), so each region pulls locally"));
            }
        }
    }
}
