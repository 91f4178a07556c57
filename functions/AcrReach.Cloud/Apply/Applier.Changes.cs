using System.Collections.Immutable;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>
    /// A VPC route: looked up by destination (one call, the table filtered by DestinationCidrBlock); Pending, then
    /// Available; Deleting means it is going away. Duplicate answers per cloud-apis.md §1.5.
    /// </summary>
    private sealed class VpcRouteChange(IVpcApi vpc, CreateVpcRoute action) : Change
    {
        private static readonly ImmutableHashSet<string> Duplicates = ImmutableHashSet.Create(
            StringComparer.Ordinal, "InvalidCIDRBlock.Duplicate", "InvalidRouteEntry.Duplicate", "RouterEntryConflict.Duplicated", "RouteConflict.AlreadyExist", "Duplicated.VpcNextHop");

        public override async Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var answer = await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest
            {
                RegionId = action.Region,
                RouteTableId = action.RouteTableId,
                DestinationCidrBlock = Cidr.Format(action.Destination),
            }, cancellationToken);
            var entry = answer.RouteEntrys.RouteEntry.FirstOrDefault(e => Cidr.TryParseCanonical(e.DestinationCidrBlock, out var d, out _) && d == action.Destination);
            if (entry is null)
            {
                return (null, answer.RequestId);
            }

            var hop = entry.NextHops.NextHop.FirstOrDefault();
            var matches = string.Equals(hop?.NextHopType, action.NextHopType, StringComparison.OrdinalIgnoreCase) && hop?.NextHopId == action.NextHopId
                && entry.NextHops.NextHop.Length == 1;
            var progress = entry.Status switch
            {
                "Pending" => Progress.Coming,
                "Deleting" => Progress.Going,
                _ => Progress.Done,
            };
            var name = string.IsNullOrEmpty(entry.RouteEntryName) ? string.Empty : $" ('{entry.RouteEntryName}')";
            return (new Seen(matches, progress,
                $"{Cidr.Format(action.Destination)} in {action.RouteTableId} already goes to {(string.IsNullOrEmpty(hop?.NextHopType) ? "(no next hop)" : hop.NextHopType)} {hop?.NextHopId}{name}; AcrReach needs {action.NextHopType} {action.NextHopId} and never replaces a route"),
                answer.RequestId);
        }

        public override async Task<string?> CreateAsync(int generation, CancellationToken cancellationToken)
        {
            var answer = await vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
            {
                RegionId = action.Region,
                RouteTableId = action.RouteTableId,
                DestinationCidrBlock = Cidr.Format(action.Destination),
                NextHopType = action.NextHopType,
                NextHopId = action.NextHopId,
                RouteEntryName = AcrReachMark.Name,
                Description = action.Description,
                ClientToken = ClientTokens.For(action, generation),
            }, cancellationToken);
            return answer.RequestId;
        }

        public override bool IsDuplicate(string code) => Duplicates.Contains(code);
    }

    /// <summary>
    /// A static transit-router route: looked up by exact prefix with every status (the list hides Creating ones otherwise);
    /// Creating, then Active. A propagated route of the same destination is no conflict: the static route takes precedence.
    /// </summary>
    private sealed class TransitRouteChange(ICbnApi cbn, CreateTransitRoute action) : Change
    {
        public override async Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var answer = await cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
            {
                TransitRouterRouteTableId = action.RouteTableId,
                TransitRouterRouteEntryStatus = "All",
                RouteFilter = [new TransitRouteFilter { Key = "PrefixExactMatchCidrs", Value = [Cidr.Format(action.Destination)] }],
                MaxResults = 100,
            }, cancellationToken);
            var entry = answer.TransitRouterRouteEntries.FirstOrDefault(e =>
                e.TransitRouterRouteEntryType != "Propagated"
                && Cidr.TryParseCanonical(e.TransitRouterRouteEntryDestinationCidrBlock, out var d, out _) && d == action.Destination);
            if (entry is null)
            {
                return (null, answer.RequestId);
            }

            var matches = entry.TransitRouterRouteEntryNextHopType == "Attachment" && entry.TransitRouterRouteEntryNextHopId == action.NextHopId;
            var progress = entry.TransitRouterRouteEntryStatus switch
            {
                "Creating" => Progress.Coming,
                "Deleting" => Progress.Going,
                _ => Progress.Done,
            };
            var name = string.IsNullOrEmpty(entry.TransitRouterRouteEntryName) ? string.Empty : $" ('{entry.TransitRouterRouteEntryName}')";
            return (new Seen(matches, progress,
                $"{Cidr.Format(action.Destination)} in {action.RouteTableId} already goes to {entry.TransitRouterRouteEntryNextHopType} {entry.TransitRouterRouteEntryNextHopId}{name}; AcrReach needs Attachment {action.NextHopId} and never replaces a route"),
                answer.RequestId);
        }

        public override async Task<string?> CreateAsync(int generation, CancellationToken cancellationToken)
        {
            var answer = await cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
            {
                TransitRouterRouteTableId = action.RouteTableId,
                TransitRouterRouteEntryDestinationCidrBlock = Cidr.Format(action.Destination),
                TransitRouterRouteEntryNextHopType = "Attachment",
                TransitRouterRouteEntryNextHopId = action.NextHopId,
                TransitRouterRouteEntryName = AcrReachMark.Name,
                TransitRouterRouteEntryDescription = action.Description,
                ClientToken = ClientTokens.For(action, generation),
            }, cancellationToken);
            return answer.RequestId;
        }

        public override bool IsDuplicate(string code) =>
            code is "InstanceExist.TransitRouterRouteEntry" or "OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock";
    }

    /// <summary>
    /// A VPC linked to a registry's VPC endpoint: CREATING, then RUNNING (Terraform waits the same way). Linking takes no
    /// ClientToken; a second link of the same VPC is refused with an "already exists" code, and then the look decides.
    /// </summary>
    private sealed class VpcLinkChange(ICrApi cr, LinkVpcEndpoint action) : Change
    {
        public override async Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var answer = await cr.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = action.InstanceId, ModuleName = "Registry" }, cancellationToken);
            var link = answer.LinkedVpcs.FirstOrDefault(l => l.VpcId == action.VpcId);
            if (link is null)
            {
                return (null, answer.RequestId);
            }

            var progress = link.Status switch
            {
                "RUNNING" => Progress.Done,
                "CREATING" => Progress.Coming,
                _ => Progress.Going,
            };
            return (new Seen(true, progress, $"{action.VpcId} is linked to {action.InstanceId} in {link.VswitchId} ({link.Status})"), answer.RequestId);
        }

        public override async Task<string?> CreateAsync(int generation, CancellationToken cancellationToken)
        {
            var answer = await cr.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
            {
                InstanceId = action.InstanceId,
                VpcId = action.VpcId,
                VswitchId = action.VswitchId,
                ModuleName = "Registry",
            }, cancellationToken);
            return answer.RequestId;
        }

        public override bool IsDuplicate(string code) => code.Contains("ALREADY_EXIST", StringComparison.OrdinalIgnoreCase);
    }
}
