using System.Globalization;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>
/// CBN (CEN) 2017-09-12 (cloud-apis.md §2): transit routers, their attachments, route tables, associations and static
/// routes. Data centers show up as VBR and VPN attachments whose VBR / VPN ids derive from the data-center name and
/// whose attachment name IS the data-center name (how a person names an Express Connect attachment).
/// </summary>
internal sealed class CbnService(CloudState state)
{
    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions)
    {
        actions["DescribeCens"] = DescribeCens;
        actions["ListTransitRouters"] = ListTransitRouters;
        actions["ListTransitRouterVpcAttachments"] = ListVpcAttachments;
        actions["ListTransitRouterPeerAttachments"] = ListPeerAttachments;
        actions["ListTransitRouterVbrAttachments"] = ListVbrAttachments;
        actions["ListTransitRouterVpnAttachments"] = ListVpnAttachments;
        actions["ListTransitRouterRouteTables"] = ListRouteTables;
        actions["ListTransitRouterRouteEntries"] = ListRouteEntries;
        actions["ListTransitRouterRouteTableAssociations"] = ListAssociations;
        actions["CreateTransitRouterRouteEntry"] = CreateRouteEntry;
        actions["DeleteTransitRouterRouteEntry"] = DeleteRouteEntry;
        actions["DeleteTransitRouterVpcAttachment"] = DeleteVpcAttachment;
    }

    /// <summary>
    /// Detaches a VPC (cbn-20170912 DeleteTransitRouterVpcAttachment: TransitRouterAttachmentId, Force, DryRun,
    /// ClientToken). Its associations and the routes it propagated go with it; static routes toward it stay unless Force
    /// (the refusal code is this emulator's choice: the service's is not published).
    /// </summary>
    private object DeleteVpcAttachment(ApiRequest request, string requestId)
    {
        var id = request.Required("TransitRouterAttachmentId");
        var router = state.TransitRouters.FirstOrDefault(r => r.Attachments.Any(a => a.Id == id && a.Type == AttachmentType.Vpc))
            ?? throw new ApiError("InvalidTransitRouterAttachmentId.NotFound", "The specified TransitRouterAttachmentId does not exist.");
        var force = request.Bool("Force") == true;
        var staticRoutes = router.RouteTables.Where(t => t.Entries.Any(e => e.Origin == RouteOrigin.Static && e.NextHopId == id)).ToList();
        if (staticRoutes.Count > 0 && !force)
        {
            throw new ApiError("IncorrectStatus.RouteEntryExists", "Static route entries still point to the attachment; delete them or set Force.");
        }

        if (request.Bool("DryRun") == true)
        {
            throw new ApiError("DryRunOperation", "Request validation has been passed with DryRun flag set.");
        }

        router.Attachments.RemoveAll(a => a.Id == id);
        foreach (var table in router.RouteTables)
        {
            table.Associations.Remove(id);
            table.Entries.RemoveAll(e => e.NextHopId == id);
        }

        return new RequestIdOnly(requestId);
    }

    /// <summary>The CEN instances the scenario's transit routers belong to (PageSize 1–50, default 10).</summary>
    private object DescribeCens(ApiRequest request, string requestId)
    {
        var cens = state.TransitRouters.Select(r => r.CenId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var page = Paging.ByNumber(request, cens, defaultSize: 10, maxSize: 50);
        return new DescribeCensResponse(requestId, page.TotalCount, page.PageNumber, page.PageSize, new CenSet([.. page.Items.Select(id =>
            new CenItem(id, id, string.Empty, "Active", "REDUCED", Created))]));
    }

    /// <summary>
    /// The routers of one CEN instance. CenId is required, as older API references have it (the current model,
    /// aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/ListTransitRoutersRequest.ts, has it optional): a
    /// client that lists without it would miss routers on the accounts where the older rule holds.
    /// </summary>
    private object ListTransitRouters(ApiRequest request, string requestId)
    {
        var cen = request.Required("CenId");
        var matching = state.TransitRouters
            .Where(r => state.Visible(request, r.Id))
            .Where(r => r.CenId == cen)
            .Where(r => request.Optional("RegionId") is not { } region || r.Region == region)
            .Where(r => request.Optional("TransitRouterId") is not { } id || r.Id == id)
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 10, maxSize: 50);
        return new ListTransitRoutersResponse(requestId, page.TotalCount, page.PageNumber, page.PageSize, [.. page.Items.Select(r => new TransitRouterItem(
            r.Id, string.Empty, string.Empty, r.CenId, r.Region, "Enterprise", "Active", state.OwnerIdOf(r.Id), Created, false, [], []))]);
    }

    private object ListVpcAttachments(ApiRequest request, string requestId)
    {
        var page = Attachments(request, AttachmentType.Vpc, a => request.Optional("VpcId") is not { } vpc || a.Attachment.VpcId == vpc);
        return new ListTransitRouterVpcAttachmentsResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(p =>
        {
            var vpc = state.FindVpc(p.Attachment.VpcId!)!;
            var zones = vpc.VSwitches.GroupBy(s => s.Zone).Take(2).Select(g => new ZoneMapping(g.Key, g.First().Id, Ids.Derive("eni-", p.Attachment.Id, g.Key)));
            return new VpcAttachmentItem(p.Attachment.Id, p.Router.Id, p.Router.CenId, vpc.Id, vpc.Region, state.OwnerIdOf(vpc.Id), "VPC", "Attached", false, [.. zones], Created, string.Empty, string.Empty, "POSTPAY", []);
        })]);
    }

    private object ListPeerAttachments(ApiRequest request, string requestId)
    {
        var page = Attachments(request, AttachmentType.Peer, _ => true);
        return new ListTransitRouterPeerAttachmentsResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(p =>
        {
            var peer = state.TransitRouters.First(r => r.Id == p.Attachment.PeerTransitRouterId);
            return new PeerAttachmentItem(p.Attachment.Id, p.Router.Id, p.Router.Region, peer.Id, peer.Region, state.OwnerId, "TR", "Attached", false, 0, "DataTransfer", p.Router.CenId, Created, string.Empty, string.Empty, []);
        })]);
    }

    private object ListVbrAttachments(ApiRequest request, string requestId)
    {
        var page = Attachments(request, AttachmentType.Vbr, _ => true);
        return new ListTransitRouterVbrAttachmentsResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(p =>
            new VbrAttachmentItem(p.Attachment.Id, p.Router.Id, p.Router.CenId, Ids.VirtualBorderRouter(p.Attachment.DataCenter!), p.Router.Region, state.OwnerId, "VBR", "Attached", false, Created, p.Attachment.DataCenter!, string.Empty, DataCenterTags(p.Attachment)))]);
    }

    private object ListVpnAttachments(ApiRequest request, string requestId)
    {
        var page = Attachments(request, AttachmentType.Vpn, _ => true);
        return new ListTransitRouterVpnAttachmentsResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(p =>
            new VpnAttachmentItem(p.Attachment.Id, p.Router.Id, p.Router.CenId, Ids.VpnConnection(p.Attachment.DataCenter!), p.Router.Region, state.OwnerId, "VPN", "Attached", false, [], Created, p.Attachment.DataCenter!, string.Empty, DataCenterTags(p.Attachment)))]);
    }

    /// <summary>A data center's attachments carry its CIDR blocks and reach rules as tags (see CloudState.DataCenterTags).</summary>
    private List<CbnTag> DataCenterTags(Attachment attachment) =>
        state.DataCenterTags.TryGetValue(attachment.DataCenter!, out var tags) ? [.. tags.Select(t => new CbnTag(t.Key, t.Value))] : [];

    /// <summary>The attachment lists take a TransitRouterId, or a CenId with a RegionId, or a RegionId, or an attachment id.</summary>
    private Paging.TokenPage<(TransitRouterState Router, Attachment Attachment)> Attachments(ApiRequest request, AttachmentType type, Func<(TransitRouterState Router, Attachment Attachment), bool> filter)
    {
        var routerId = request.Optional("TransitRouterId");
        var region = request.Optional("RegionId");
        var attachmentId = request.Optional("TransitRouterAttachmentId");
        if (routerId is null && region is null && attachmentId is null)
        {
            throw ApiError.Missing("TransitRouterId");
        }

        var matching = state.TransitRouters
            .Where(r => state.Visible(request, r.Id))
            .Where(r => (routerId is null || r.Id == routerId) && (region is null || r.Region == region))
            .Where(r => request.Optional("CenId") is not { } cen || r.CenId == cen)
            .SelectMany(r => r.Attachments.Select(a => (Router: r, Attachment: a)))
            .Where(p => p.Attachment.Type == type && (attachmentId is null || p.Attachment.Id == attachmentId))
            .Where(filter)
            .ToList();
        return Paging.ByToken(request, matching, defaultMax: 20, maxMax: 100);
    }

    private object ListRouteTables(ApiRequest request, string requestId)
    {
        var routerId = request.Optional("TransitRouterId");
        var ids = request.List("TransitRouterRouteTableIds");
        if (routerId is null && ids.Count == 0)
        {
            throw ApiError.Missing("TransitRouterId");
        }

        var matching = state.TransitRouters
            .Where(r => state.Visible(request, r.Id))
            .Where(r => routerId is null || r.Id == routerId)
            .SelectMany(r => r.RouteTables)
            .Where(t => ids.Count == 0 || ids.Contains(t.Id))
            .Where(t => request.Optional("TransitRouterRouteTableType") is not { } type || TableType(t) == type)
            .Where(t => request.Optional("TransitRouterRouteTableStatus") is null or "Active")
            .ToList();
        var page = Paging.ByToken(request, matching, defaultMax: 20, maxMax: 100);
        return new ListTransitRouterRouteTablesResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(t =>
            new TransitRouteTableItem(t.Id, t.Router.Id, t.Router.Region, TableType(t), "Active", string.Empty, string.Empty, Created, new RouteTableOptions("disable"), []))]);
    }

    /// <summary>Only Active entries unless TransitRouterRouteEntryStatus is given (cloud-apis.md §2.4); "All" shows every status here.</summary>
    private object ListRouteEntries(ApiRequest request, string requestId)
    {
        var table = FindTable(request.Required("TransitRouterRouteTableId"));
        var status = request.Optional("TransitRouterRouteEntryStatus") ?? "Active";
        var ids = request.List("TransitRouterRouteEntryIds");
        var names = request.List("TransitRouterRouteEntryNames");
        var filters = request.Objects("RouteFilter");
        var matching = table.Entries
            .Where(e => status == "All" || StatusOf(e) == status)
            .Where(e => ids.Count == 0 || (e.Id is not null && ids.Contains(e.Id)))
            .Where(e => names.Count == 0 || (e.Name is not null && names.Contains(e.Name)))
            .Where(e => request.Optional("TransitRouterRouteEntryDestinationCidrBlock") is not { } destination || Formats.Cidr(e.Destination) == destination)
            .Where(e => request.Optional("TransitRouterRouteEntryType") is not { } type || e.Origin.ToString() == type)
            .Where(e => request.Optional("TransitRouterRouteEntryNextHopType") is not { } type || e.NextHopType.ToString() == type)
            .Where(e => request.Optional("TransitRouterRouteEntryNextHopId") is not { } hop || e.NextHopId == hop)
            .Where(e => filters.All(f => MatchesFilter(e, f)))
            .ToList();
        var page = Paging.ByToken(request, matching, defaultMax: 20, maxMax: 100);
        return new ListTransitRouterRouteEntriesResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(e =>
        {
            var hop = e.NextHopId is null ? null : table.Router.FindAttachment(e.NextHopId);
            return new TransitRouteEntryItem(
                e.Id,
                Formats.Cidr(e.Destination),
                e.Origin.ToString(),
                StatusOf(e),
                e.NextHopType.ToString(),
                e.NextHopId,
                hop is null ? null : ResourceId(hop),
                hop is null ? null : ResourceType(hop),
                hop is null || e.Origin == RouteOrigin.Static ? null : ResourceId(hop),
                hop is null || e.Origin == RouteOrigin.Static ? null : ResourceType(hop),
                e.Origin == RouteOrigin.Static,
                Formats.Time(e.Created),
                e.Name,
                e.Description);
        })]);
    }

    private object ListAssociations(ApiRequest request, string requestId)
    {
        var tableId = request.Optional("TransitRouterRouteTableId");
        var attachmentId = request.Optional("TransitRouterAttachmentId");
        if (tableId is null && attachmentId is null)
        {
            throw ApiError.Missing("TransitRouterRouteTableId");
        }

        var matching = state.TransitRouters
            .SelectMany(r => r.RouteTables)
            .Where(t => tableId is null || t.Id == tableId)
            .SelectMany(t => t.Associations.Select(a => (Table: t, Attachment: t.Router.FindAttachment(a)!)))
            .Select(p => (p.Table, p.Attachment))
            .Where(p => attachmentId is null || p.Attachment.Id == attachmentId)
            .Where(p => request.Optional("TransitRouterAttachmentResourceType") is not { } type || ResourceType(p.Attachment) == type)
            .Where(p => request.Optional("TransitRouterAttachmentResourceId") is not { } id || ResourceId(p.Attachment) == id)
            .ToList();
        var page = Paging.ByToken(request, matching, defaultMax: 50, maxMax: 100);
        return new ListTransitRouterRouteTableAssociationsResponse(requestId, page.TotalCount, page.MaxResults, page.NextToken, [.. page.Items.Select(p =>
            new AssociationItem(p.Attachment.Id, p.Table.Id, ResourceId(p.Attachment), ResourceType(p.Attachment), "Active"))]);
    }

    private object CreateRouteEntry(ApiRequest request, string requestId)
    {
        var table = FindTable(request.Required("TransitRouterRouteTableId"));
        var destinationText = request.Required("TransitRouterRouteEntryDestinationCidrBlock");
        var nextHopTypeText = request.Required("TransitRouterRouteEntryNextHopType");
        if (state.Replayed(request) is { } earlier)
        {
            return new CreateTransitRouterRouteEntryResponse(requestId, earlier);
        }

        var destination = Formats.ParseDestination(destinationText, "IllegalParam.TransitRouterDestinationCidrBlock", "The specified TransitRouterRouteEntryDestinationCidrBlock is illegal.");
        var nextHopType = nextHopTypeText switch
        {
            "Attachment" => TransitNextHopType.Attachment,
            "BlackHole" => TransitNextHopType.BlackHole,
            _ => throw new ApiError("IllegalParam.NextHopType", "The specified TransitRouterRouteEntryNextHopType is illegal."),
        };
        var nextHopId = request.Optional("TransitRouterRouteEntryNextHopId");
        if (nextHopType == TransitNextHopType.BlackHole && nextHopId is not null)
        {
            throw new ApiError("ParamExclusive.NextHopTypeBlackHoleAndNextHopId", "TransitRouterRouteEntryNextHopId cannot be set for a BlackHole route.");
        }

        if (nextHopType == TransitNextHopType.Attachment)
        {
            if (nextHopId is null)
            {
                throw new ApiError("MissingParam.TransitRouterRouteEntryNextHopId", "TransitRouterRouteEntryNextHopId is mandatory for an Attachment route.");
            }

            if (table.Router.FindAttachment(nextHopId) is null)
            {
                throw new ApiError("InvalidTransitRouterRouteEntryNextHopId.NotFound", "The specified TransitRouterRouteEntryNextHopId does not exist.");
            }
        }

        var sameDestination = table.Entries.FirstOrDefault(e => e.Origin == RouteOrigin.Static && e.Destination == destination);
        if (sameDestination is not null)
        {
            throw sameDestination.NextHopType == nextHopType && sameDestination.NextHopId == nextHopId
                ? new ApiError("InstanceExist.TransitRouterRouteEntry", "The transit router route entry already exists.")
                : new ApiError("OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock", "A route entry with the same destination CIDR block already exists in the route table.");
        }

        CheckNoWriteInProgress(table);
        var entry = new TransitRouteEntryState(
            Ids.Derive("rte-", table.Id, Formats.Cidr(destination), state.NextSequence().ToString(CultureInfo.InvariantCulture)),
            destination,
            nextHopType,
            nextHopId,
            RouteOrigin.Static,
            request.Optional("TransitRouterRouteEntryName"),
            request.Optional("TransitRouterRouteEntryDescription"))
        {
            Status = TransitRouteStatus.Creating,
            Created = state.Now,
        };
        table.Entries.Add(entry);
        state.Settle(() => entry.Status = TransitRouteStatus.Active);
        state.Remember(request, entry.Id!);
        return new CreateTransitRouterRouteEntryResponse(requestId, entry.Id!);
    }

    private object DeleteRouteEntry(ApiRequest request, string requestId)
    {
        var entryId = request.Optional("TransitRouterRouteEntryId");
        var tableId = request.Optional("TransitRouterRouteTableId");
        var destinationText = request.Optional("TransitRouterRouteEntryDestinationCidrBlock");
        TransitRouteTableState table;
        TransitRouteEntryState entry;
        if (entryId is not null)
        {
            if (tableId is not null || destinationText is not null)
            {
                throw new ApiError("ParamExclusive.RouteEntryIdAndRouteTableIdOrDestCidrBlock", "TransitRouterRouteEntryId and TransitRouterRouteTableId with a destination are mutually exclusive.");
            }

            (table, entry) = state.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Select(e => (t, e))).FirstOrDefault(p => p.e.Id == entryId);
            if (entry is null)
            {
                throw new ApiError("IllegalParam.TransitRouterRouteEntryId", "The specified TransitRouterRouteEntryId is illegal.");
            }
        }
        else
        {
            table = FindTable(tableId ?? throw ApiError.Missing("TransitRouterRouteEntryId"));
            var destination = Formats.ParseDestination(destinationText ?? throw ApiError.Missing("TransitRouterRouteEntryDestinationCidrBlock"), "IllegalParam.TransitRouterDestinationCidrBlock", "The specified TransitRouterRouteEntryDestinationCidrBlock is illegal.");
            var nextHopId = request.Optional("TransitRouterRouteEntryNextHopId");
            entry = table.Entries.FirstOrDefault(e => e.Destination == destination && e.Origin == RouteOrigin.Static && (nextHopId is null || e.NextHopId == nextHopId))
                ?? (table.Entries.Any(e => e.Destination == destination)
                    ? throw new ApiError("OperationFailed.DeleteTransitRouterRouteEntry", "Only static route entries can be deleted.")
                    : throw new ApiError("InvalidDestinationCidrBlock.NotFound", "The specified destination CIDR block does not exist."));
        }

        if (entry.Origin != RouteOrigin.Static)
        {
            throw new ApiError("OperationFailed.DeleteTransitRouterRouteEntry", "Only static route entries can be deleted.");
        }

        CheckNoWriteInProgress(table);
        entry.Status = TransitRouteStatus.Deleting;
        state.Settle(() => table.Entries.Remove(entry));
        return new RequestIdOnly(requestId);
    }

    /// <summary>One static-route write per transit-router route table at a time; Terraform retries Operation.Blocking (cloud-apis.md §2.4).</summary>
    private static void CheckNoWriteInProgress(TransitRouteTableState table)
    {
        if (table.HasEntryInProgress)
        {
            throw new ApiError("Operation.Blocking", "The operation is blocked because another route entry of the route table is being created or deleted.");
        }
    }

    private TransitRouteTableState FindTable(string id) =>
        state.FindTransitRouteTable(id) ?? throw new ApiError("InvalidTransitRouterRouteTableId.NotFound", "The specified TransitRouterRouteTableId is not found.", 404);

    private static bool MatchesFilter(TransitRouteEntryState entry, IReadOnlyDictionary<string, string> filter)
    {
        var values = filter.Where(f => f.Key.StartsWith("Value.", StringComparison.Ordinal)).Select(f => f.Value)
            .Select(v => Formats.TryParseDestination(v, out var n) ? n : throw ApiError.Invalid("RouteFilter.Value", $"'{v}' is not a CIDR block."))
            .ToList();
        return filter.GetValueOrDefault("Key") switch
        {
            "PrefixExactMatchCidrs" => values.Contains(entry.Destination),
            "LongestPrefixMatchCidrs" => values.Any(v => entry.Destination.ContainsNetwork(v)),
            // Both include the block itself (aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/ListTransitRouterRouteEntriesRequestRouteFilter.ts).
            "SubnetOfMatchCidrs" => values.Any(v => v.ContainsNetwork(entry.Destination)),
            "SupernetOfMatchCidrs" => values.Any(v => entry.Destination.ContainsNetwork(v)),
            null => true,
            var key => throw ApiError.Invalid("RouteFilter.Key", $"'{key}' is not a route filter key."),
        };
    }

    private static string StatusOf(TransitRouteEntryState entry) => entry.Status.ToString();

    private static string TableType(TransitRouteTableState table) => table.IsDefault ? "System" : "Custom";

    private static string ResourceType(Attachment attachment) => attachment.Type switch
    {
        AttachmentType.Vpc => "VPC",
        AttachmentType.Peer => "TR",
        AttachmentType.Vbr => "VBR",
        _ => "VPN",
    };

    private static string ResourceId(Attachment attachment) => attachment.Type switch
    {
        AttachmentType.Vpc => attachment.VpcId!,
        AttachmentType.Peer => attachment.PeerTransitRouterId!,
        AttachmentType.Vbr => Ids.VirtualBorderRouter(attachment.DataCenter!),
        _ => Ids.VpnConnection(attachment.DataCenter!),
    };

    private string Created => Formats.Time(state.Started);
}
