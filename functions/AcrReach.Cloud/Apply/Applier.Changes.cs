using System.Collections.Immutable;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>A route found at the destination: how far along it is (<paramref name="coming"/>, or Deleting) and, for a conflict, what it is.</summary>
    private static Seen RouteSeen(bool matches, string? status, string coming, string table, System.Net.IPNetwork destination, string? hopType, string? hopId, string? name, string wanted) => new(
        matches,
        status == coming ? Progress.Coming : status == "Deleting" ? Progress.Going : Progress.Done,
        $"{Cidr.Format(destination)} in {table} already goes to {(string.IsNullOrEmpty(hopType) ? "(no next hop)" : hopType)} {hopId}{(string.IsNullOrEmpty(name) ? string.Empty : $" ('{name}')")}; AcrReach needs {wanted} and never replaces a route");

    /// <summary>
    /// A VPC route: looked up by destination (one call, the table filtered by DestinationCidrBlock); Pending, then
    /// Available; Deleting means it is going away. Duplicate answers per cloud-apis.md §1.5.
    /// </summary>
    private sealed class VpcRouteChange(IVpcApi vpc, CreateVpcRoute action, string description) : Change
    {
        private static readonly ImmutableHashSet<string> Duplicates = ImmutableHashSet.Create(
            StringComparer.Ordinal, "InvalidCIDRBlock.Duplicate", "InvalidRouteEntry.Duplicate", "RouterEntryConflict.Duplicated", "RouteConflict.AlreadyExist", "Duplicated.VpcNextHop");

        public override async Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var (entry, requestId) = await FindVpcRouteAsync(vpc, action.Region, action.RouteTableId, action.Destination, cancellationToken);
            if (entry is null)
            {
                return (null, requestId);
            }

            var hop = entry.NextHops.NextHop.FirstOrDefault();
            var matches = string.Equals(hop?.NextHopType, action.NextHopType, StringComparison.OrdinalIgnoreCase) && hop?.NextHopId == action.NextHopId
                && entry.NextHops.NextHop.Length == 1;
            return (RouteSeen(matches, entry.Status, "Pending", action.RouteTableId, action.Destination, hop?.NextHopType, hop?.NextHopId, entry.RouteEntryName, $"{action.NextHopType} {action.NextHopId}"),
                requestId);
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
                Description = description,
                ClientToken = ClientTokens.For(action, generation, description),
            }, cancellationToken);
            return answer.RequestId;
        }

        public override bool IsDuplicate(string code) => Duplicates.Contains(code);
    }

    /// <summary>
    /// A static transit-router route: looked up by exact prefix with every status (the list hides Creating ones otherwise);
    /// Creating, then Active. A propagated route of the same destination is no conflict: the static route takes precedence.
    /// </summary>
    private sealed class TransitRouteChange(ICbnApi cbn, CreateTransitRoute action, string description) : Change
    {
        public override async Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var (entry, requestId) = await FindStaticTransitRouteAsync(cbn, action.RouteTableId, action.Destination, cancellationToken);
            if (entry is null)
            {
                return (null, requestId);
            }

            var matches = entry.TransitRouterRouteEntryNextHopType == "Attachment" && entry.TransitRouterRouteEntryNextHopId == action.NextHopId;
            var seen = RouteSeen(matches, entry.TransitRouterRouteEntryStatus, "Creating", action.RouteTableId, action.Destination, entry.TransitRouterRouteEntryNextHopType, entry.TransitRouterRouteEntryNextHopId, entry.TransitRouterRouteEntryName, $"Attachment {action.NextHopId}");

            // Rejected, Standby and Prohibited entries exist but do not forward (the model's statuses: Active, Rejected,
            // Prohibited, Standby, Candidate, Creating, Deleting; aliyun/alibabacloud-typescript-sdk
            // cbn-20170912/src/models/ListTransitRouterRouteEntriesResponseBody.ts), so ours in one of them is not
            // "already present". Nor can it be treated as absent: a second static route of the destination is refused
            // as a duplicate. The step fails and says so; discovery already leaves such entries out of the model.
            if (matches && entry.TransitRouterRouteEntryStatus is "Rejected" or "Standby" or "Prohibited")
            {
                seen = seen with
                {
                    Progress = Progress.Stuck,
                    Description = $"{Cidr.Format(action.Destination)} in {action.RouteTableId} goes to Attachment {action.NextHopId} but is {entry.TransitRouterRouteEntryStatus}, so it does not forward; "
                        + "look for a route of the same destination that wins over it, or a policy that prohibits it",
                };
            }

            return (seen, requestId);
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
                TransitRouterRouteEntryDescription = description,
                ClientToken = ClientTokens.For(action, generation, description),
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

                // Without it CR writes the linked VPC's registry record only where its PrivateZone service-linked role
                // already exists (aliyun/alibabacloud-typescript-sdk cr-20181201/src/models/CreateInstanceVpcEndpointLinkedVpcRequest.ts);
                // the role it may create is granted in template.yml.
                EnableCreateDNSRecordInPvzt = true,
            }, cancellationToken);
            return answer.RequestId;
        }

        public override bool IsDuplicate(string code) => code.Contains("ALREADY_EXIST", StringComparison.OrdinalIgnoreCase);
    }
}
