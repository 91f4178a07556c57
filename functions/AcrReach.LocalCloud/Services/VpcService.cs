using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>VPC 2016-04-28 (cloud-apis.md §1): the reads discovery uses and the route writes apply uses.</summary>
internal sealed class VpcService(CloudState state)
{
    /// <summary>Route quota per table (cloud-apis.md §1.4).</summary>
    private const int CustomEntriesPerTable = 200;

    /// <summary>CreateRouteEntries: "up to 50" of each entry field (the SDK model's remarks).</summary>
    private const int MaxEntriesPerBatch = 50;

    private const string DuplicateCode = "InvalidCIDRBlock.Duplicate";

    /// <summary>The batch's per-entry code for an existing destination: the example of CreateRouteEntriesResponseBody's FailedCode.</summary>
    private const string BatchDuplicateCode = "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE";

    private static readonly HashSet<string> NextHopTypes = new(StringComparer.Ordinal)
    {
        "Instance", "HaVip", "RouterInterface", "NetworkInterface", "VpnGateway", "IPv6Gateway", "NatGateway", "Attachment",
        "VpcPeer", "Ipv4Gateway", "GatewayEndpoint", "Ecr", "GatewayLoadBalancerEndpoint", "RouteTargetGroup",
    };

    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions)
    {
        actions["DescribeVpcs"] = DescribeVpcs;
        actions["DescribeVSwitches"] = DescribeVSwitches;
        actions["DescribeRouteTableList"] = DescribeRouteTableList;
        actions["DescribeRouteEntryList"] = DescribeRouteEntryList;
        actions["CreateRouteEntry"] = CreateRouteEntry;
        actions["CreateRouteEntries"] = CreateRouteEntries;
        actions["DeleteRouteEntry"] = DeleteRouteEntry;
        actions["DeleteVSwitch"] = DeleteVSwitch;
        actions["DeleteVpc"] = DeleteVpc;
    }

    /// <summary>
    /// Deletes a vSwitch (vpc-20160428 DeleteVSwitch: RegionId, VSwitchId). Refused with DependencyViolation while a
    /// registry's VPC endpoint sits in it (a cloud product instance, the published refusal); gone at once here, where the
    /// service passes through Pending. The not-found code is this emulator's choice.
    /// </summary>
    private object DeleteVSwitch(ApiRequest request, string requestId)
    {
        var id = request.Required("VSwitchId");
        var region = request.Optional("RegionId");
        var vpc = state.Vpcs.FirstOrDefault(v => (region is null || v.Region == region) && state.Visible(request, v.Id) && v.VSwitches.Any(s => s.Id == id))
            ?? throw new ApiError("InvalidVSwitchId.NotFound", "Specified virtual switch does not exist.", 404);
        if (state.Registries.Any(r => r.LinkedVpcs.Any(l => l.VswitchId == id)))
        {
            throw new ApiError("DependencyViolation", "Specified object has dependent resources.");
        }

        vpc.VSwitches.RemoveAll(s => s.Id == id);
        return new RequestIdOnly(requestId);
    }

    /// <summary>
    /// Deletes a VPC (vpc-20160428 DeleteVpc: RegionId, VpcId, DryRun; the model is
    /// aliyun/alibabacloud-typescript-sdk vpc-20160428/src/models/DeleteVpcRequest.ts, the codes are DeleteVpc's published
    /// error table). Refused with DependencyViolation.VSwitch while it has vSwitches and DependencyViolation.Instance while
    /// a transit router still attaches it; otherwise it goes at once with its route tables and their entries (the service
    /// also refuses custom route entries with DependencyViolation.RouteEntry and passes through Deleting: not emulated).
    /// </summary>
    private object DeleteVpc(ApiRequest request, string requestId)
    {
        var id = request.Required("VpcId");
        var region = request.Optional("RegionId");
        var vpc = state.Vpcs.FirstOrDefault(v => v.Id == id && (region is null || v.Region == region) && state.Visible(request, v.Id))
            ?? throw new ApiError("InvalidVpcId.NotFound", "Specified VPC does not exist.", 404);
        if (vpc.VSwitches.Count > 0)
        {
            throw new ApiError("DependencyViolation.VSwitch", "Specified object has dependent resources.");
        }

        if (state.TransitRouters.SelectMany(r => r.Attachments).Any(a => a.VpcId == id))
        {
            throw new ApiError("DependencyViolation.Instance", "Specified object has dependent resources.");
        }

        if (request.Bool("DryRun") == true)
        {
            throw new ApiError("DryRunOperation", "Request validation has been passed with DryRun flag set.");
        }

        state.Vpcs.Remove(vpc);
        return new RequestIdOnly(requestId);
    }

    private object DescribeVpcs(ApiRequest request, string requestId)
    {
        var region = request.Required("RegionId");
        var ids = request.Optional("VpcId")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var tagFilters = request.Objects("Tag");
        var matching = state.Vpcs
            .Where(v => state.Visible(request, v.Id))
            .Where(v => v.Region == region && (ids is null || ids.Contains(v.Id)))
            .Where(v => request.Bool("IsDefault") != true)
            .Where(v => tagFilters.All(t => t.TryGetValue("Key", out var key) && v.Tags.TryGetValue(key, out var value) && (!t.TryGetValue("Value", out var wanted) || wanted == value)))
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 10, maxSize: 50);
        var attached = state.TransitRouters.SelectMany(r => r.Attachments).Where(a => a.VpcId is not null).Select(a => a.VpcId!).ToHashSet(StringComparer.Ordinal);
        return new DescribeVpcsResponse(requestId, page.TotalCount, page.PageNumber, page.PageSize, new VpcSet([.. page.Items.Select(v => new VpcItem(
            v.Id,
            string.Empty,
            v.Region,
            Formats.Cidr(v.Cidrs[0]),
            new SecondaryCidrBlockSet([.. v.Cidrs.Skip(1).Select(Formats.Cidr)]),
            new UserCidrSet([]),
            v.RouterId,
            new RouterTableIdSet([.. v.RouteTables.Select(t => t.Id)]),
            new VSwitchIdSet([.. v.VSwitches.Select(s => s.Id)]),
            new NatGatewayIdSet([]),
            "Available",
            false,
            state.OwnerIdOf(v.Id),
            string.Empty,
            Formats.Time(state.Started),
            attached.Contains(v.Id) ? "Attached" : string.Empty,
            string.Empty,
            string.Empty,
            Tags(v.Tags)))]));
    }

    private object DescribeVSwitches(ApiRequest request, string requestId)
    {
        var region = request.Optional("RegionId");
        var vpcId = request.Optional("VpcId");
        if (region is null && vpcId is null)
        {
            throw ApiError.Missing("RegionId");
        }

        var matching = state.Vpcs
            .Where(v => state.Visible(request, v.Id))
            .Where(v => (region is null || v.Region == region) && (vpcId is null || v.Id == vpcId))
            .SelectMany(v => v.VSwitches.Select(s => (Vpc: v, Switch: s)))
            .Where(p => request.Optional("VSwitchId") is not { } id || p.Switch.Id == id)
            .Where(p => request.Optional("ZoneId") is not { } zone || p.Switch.Zone == zone)
            .Where(p => request.Optional("RouteTableId") is not { } table || p.Switch.RouteTableId == table)
            .Where(p => request.Bool("IsDefault") != true)
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 10, maxSize: 50);
        return new DescribeVSwitchesResponse(requestId, page.TotalCount, page.PageNumber, page.PageSize, new VSwitchSet([.. page.Items.Select(p => new VSwitchItem(
            p.Switch.Id,
            p.Vpc.Id,
            p.Switch.Zone,
            Formats.Cidr(p.Switch.Cidr),
            string.Empty,
            string.Empty,
            "Available",
            false,
            (1L << (32 - p.Switch.Cidr.PrefixLength)) - 4,
            string.Empty,
            string.Empty,
            state.OwnerIdOf(p.Vpc.Id),
            string.Empty,
            Formats.Time(state.Started),
            new VSwitchRouteTable(p.Switch.RouteTableId, p.Vpc.RouteTables.First(t => t.Id == p.Switch.RouteTableId).Type.ToString()),
            new TagSet([])))]));
    }

    private object DescribeRouteTableList(ApiRequest request, string requestId)
    {
        var region = request.Required("RegionId");
        var routerType = request.Optional("RouterType") ?? "VRouter";
        var matching = state.Vpcs
            .Where(v => state.Visible(request, v.Id))
            .Where(v => v.Region == region && routerType == "VRouter")
            .Where(v => request.Optional("VpcId") is not { } id || v.Id == id)
            .Where(v => request.Optional("RouterId") is not { } router || v.RouterId == router)
            .SelectMany(v => v.RouteTables)
            .Where(t => request.Optional("RouteTableId") is not { } id || t.Id == id)
            .Where(t => request.Optional("RouteTableType") is not { } type || t.Type.ToString() == type)
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 10, maxSize: 50);
        return new DescribeRouteTableListResponse(requestId, true, "200", "successful", page.TotalCount, page.PageNumber, page.PageSize, new RouterTableList([.. page.Items.Select(t => new RouterTableListType(
            t.Id,
            string.Empty,
            t.Type.ToString(),
            t.Vpc.RouterId,
            "VRouter",
            t.Vpc.Id,
            "Available",
            "VSwitch",
            string.Empty,
            state.OwnerIdOf(t.Vpc.Id),
            string.Empty,
            Formats.Time(state.Started),
            true,
            new VSwitchIdSet([.. t.Vpc.VSwitches.Where(s => s.RouteTableId == t.Id).Select(s => s.Id)]),
            new GatewayIdSet([]),
            new TagSet([])))]));
    }

    private object DescribeRouteEntryList(ApiRequest request, string requestId)
    {
        var region = request.Required("RegionId");
        var table = FindTable(request.Required("RouteTableId"), region);
        var matching = table.Entries
            .Where(e => request.Optional("RouteEntryId") is not { } id || e.Id == id)
            .Where(e => request.Optional("DestinationCidrBlock") is not { } destination || Formats.Cidr(e.Destination) == destination)
            .Where(e => request.List("DestCidrBlockList") is not { Count: > 0 } list || list.Contains(Formats.Cidr(e.Destination)))
            .Where(e => request.Optional("RouteEntryType") is not { } type || EntryType(e) == type)
            .Where(e => request.Optional("NextHopId") is not { } hop || e.NextHopId == hop)
            .Where(e => request.Optional("NextHopType") is not { } type || e.NextHopType == type)
            .Where(e => request.Optional("RouteEntryName") is not { } name || e.Name == name)
            .Where(e => request.Optional("IpVersion") is null or "ipv4" or "IPv4")
            .ToList();
        var page = Paging.ByToken(request, matching, defaultMax: 10, maxMax: 100, maxName: "MaxResult");
        return new DescribeRouteEntryListResponse(requestId, page.NextToken, page.TotalCount, new RouteEntrySet([.. page.Items.Select(e => new RouteEntryItem(
            e.Id,
            table.Id,
            Formats.Cidr(e.Destination),
            "ipv4",
            EntryType(e),
            e.Status.ToString(),
            e.IsSystem ? "SystemCreate" : "CustomCreate",
            string.Empty,
            e.Name ?? string.Empty,
            e.Description ?? string.Empty,
            Formats.Time(e.Modified),
            new NextHopSet([new NextHopItem(e.NextHopType, e.NextHopId ?? string.Empty, table.Vpc.Region, 1, 0, new NextHopRelatedInfo(string.Empty, string.Empty, string.Empty))])))]));
    }

    private object CreateRouteEntry(ApiRequest request, string requestId)
    {
        var table = FindTable(request.Required("RouteTableId"), request.Optional("RegionId"));
        var destinationText = request.Required("DestinationCidrBlock");
        if (state.Replayed(request) is { } earlier)
        {
            return new CreateRouteEntryResponse(requestId, earlier);
        }

        if (request.Objects("NextHopList").Count > 0)
        {
            throw ApiError.Invalid("NextHopList", "ECMP next hop lists are not emulated.");
        }

        var nextHopType = request.Optional("NextHopType") ?? "Instance";
        var destination = Validate(table, destinationText, nextHopType, request.Required("NextHopId"), DuplicateCode);
        CheckOneWriteAtATime(table);
        CheckQuota(table);
        var entry = AddPending(table, destination, nextHopType, request.Required("NextHopId"), request.Optional("RouteEntryName"), request.Optional("Description"));
        state.Remember(request, entry.Id);
        return new CreateRouteEntryResponse(requestId, entry.Id);
    }

    /// <summary>
    /// Adds up to 50 routes in one call (vpc-20160428 CreateRouteEntries; the model is
    /// aliyun/alibabacloud-typescript-sdk vpc-20160428 CreateRouteEntriesRequest, sent flattened as
    /// <c>RouteEntries.N.{RouteTableId, DstCidrBlock, NextHop, NextHopType, Name, Description, IpVersion}</c>). The entries
    /// may name several tables, all of one VPC. The VPC still takes one write at a time ("does not support concurrent bulk
    /// creation in the same VPC"): a VPC with a route in progress refuses the whole call as a single write would. Otherwise
    /// each entry is checked as CreateRouteEntry checks it and fails alone, listed in FailedRouteEntries by destination and
    /// next hop (the answer names no table); the others are added, Pending until they settle. No ClientToken: the
    /// operation takes none.
    /// </summary>
    private object CreateRouteEntries(ApiRequest request, string requestId)
    {
        var region = request.Required("RegionId");
        var wanted = request.Objects("RouteEntries");
        if (wanted.Count == 0)
        {
            throw ApiError.Missing("RouteEntries");
        }

        if (wanted.Count > MaxEntriesPerBatch)
        {
            throw ApiError.Invalid("RouteEntries", $"At most {MaxEntriesPerBatch} route entries in one call.");
        }

        var entries = wanted.Select((fields, index) =>
        {
            string Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw ApiError.Missing($"RouteEntries.{index + 1}.{name}");
            if (fields.TryGetValue("IpVersion", out var version) && version is not ("4" or "IPv4" or "ipv4"))
            {
                throw ApiError.Invalid($"RouteEntries.{index + 1}.IpVersion", "Only IPv4 routes are emulated.");
            }

            return (Table: FindTable(Field("RouteTableId"), region), Destination: Field("DstCidrBlock"), NextHop: Field("NextHop"),
                NextHopType: fields.GetValueOrDefault("NextHopType") is { Length: > 0 } type ? type : "Instance",
                Name: fields.GetValueOrDefault("Name"), Description: fields.GetValueOrDefault("Description"));
        }).ToList();
        var vpc = entries[0].Table.Vpc;
        if (entries.Any(e => e.Table.Vpc != vpc))
        {
            throw ApiError.Invalid("RouteEntries", "Every route table must belong to the same VPC.");
        }

        foreach (var table in entries.Select(e => e.Table).Distinct())
        {
            CheckOneWriteAtATime(table);
        }

        if (request.Bool("DryRun") == true)
        {
            throw new ApiError("DryRunOperation", "Request validation has been passed with DryRun flag set.");
        }

        var created = new List<string>();
        var failed = new List<FailedRouteEntry>();
        foreach (var wantedEntry in entries)
        {
            try
            {
                var destination = Validate(wantedEntry.Table, wantedEntry.Destination, wantedEntry.NextHopType, wantedEntry.NextHop, BatchDuplicateCode);
                CheckQuota(wantedEntry.Table);
                created.Add(AddPending(wantedEntry.Table, destination, wantedEntry.NextHopType, wantedEntry.NextHop, wantedEntry.Name, wantedEntry.Description).Id);
            }
            catch (ApiError refused)
            {
                failed.Add(new FailedRouteEntry(wantedEntry.Destination, wantedEntry.NextHop, refused.Code, refused.Message));
            }
        }

        return new CreateRouteEntriesResponse(requestId, created.Count, failed.Count, created, failed);
    }

    /// <summary>The checks of one route that do not depend on the VPC being idle; returns its destination.</summary>
    private System.Net.IPNetwork Validate(RouteTableState table, string destinationText, string nextHopType, string nextHopId, string duplicateCode)
    {
        var destination = Formats.ParseDestination(destinationText, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.");
        if (!NextHopTypes.Contains(nextHopType))
        {
            throw new ApiError("InvalidNextHopType", "Specified parameter \"NextHopType\" is not valid.");
        }

        if (nextHopType == VpcNextHopTypes.Attachment)
        {
            var attachment = state.TransitRouters.SelectMany(r => r.Attachments).FirstOrDefault(a => a.Id == nextHopId)
                ?? throw new ApiError("InvalidAttachment.NotFound", "The attachment is not found.");
            if (attachment.Type != AttachmentType.Vpc || attachment.VpcId != table.Vpc.Id)
            {
                throw new ApiError("IllegalParam.AttachmentId", "The attachment is invalid.");
            }
        }

        // The VPC refuses 100.64.0.0/10 itself and any destination equal to or inside one of its vSwitches (CreateRouteEntry's InvalidCidrBlock).
        if (destination == Cidr.CloudServices || table.Vpc.VSwitches.Any(s => s.Cidr.ContainsNetwork(destination)))
        {
            throw new ApiError("InvalidCidrBlock", "Specified CIDR block is not valid.");
        }

        return table.Entries.Any(e => e.Destination == destination)
            ? throw new ApiError(duplicateCode, "Specified CIDR block is already exists.")
            : destination;
    }

    private static void CheckQuota(RouteTableState table)
    {
        if (table.Entries.Count(e => !e.IsSystem) >= CustomEntriesPerTable)
        {
            throw new ApiError("QuotaExceeded", "Route entry quota exceeded in this route table.");
        }
    }

    private RouteEntryState AddPending(RouteTableState table, System.Net.IPNetwork destination, string nextHopType, string nextHopId, string? name, string? description)
    {
        var entry = new RouteEntryState(
            Ids.Derive("rte-", table.Id, Formats.Cidr(destination), state.NextSequence().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            destination,
            nextHopType,
            nextHopId,
            name,
            description,
            isSystem: false)
        {
            Status = VpcRouteStatus.Pending,
            Modified = state.Now,
        };
        table.Entries.Add(entry);
        state.Settle(() =>
        {
            entry.Status = VpcRouteStatus.Available;
            entry.Modified = state.Now;
        });
        return entry;
    }

    private object DeleteRouteEntry(ApiRequest request, string requestId)
    {
        var entryId = request.Optional("RouteEntryId");
        var tableId = request.Optional("RouteTableId");
        var destinationText = request.Optional("DestinationCidrBlock");
        var region = request.Optional("RegionId");
        RouteTableState table;
        RouteEntryState entry;
        if (entryId is not null)
        {
            if (tableId is not null || destinationText is not null)
            {
                throw ApiError.Invalid("RouteEntryId", "RouteEntryId and RouteTableId with DestinationCidrBlock are mutually exclusive.");
            }

            (table, entry) = state.Vpcs
                .Where(v => region is null || v.Region == region)
                .SelectMany(v => v.RouteTables)
                .SelectMany(t => t.Entries.Select(e => (t, e)))
                .FirstOrDefault(p => p.e.Id == entryId);
            if (entry is null)
            {
                throw new ApiError("InvalidRouteEntryId.NotFound", "The specified route entry does not exist.");
            }
        }
        else
        {
            table = FindTable(tableId ?? throw ApiError.Missing("RouteEntryId"), region);
            var destination = Formats.ParseDestination(destinationText ?? throw ApiError.Missing("DestinationCidrBlock"), "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.");
            var nextHopId = request.Optional("NextHopId");
            entry = table.Entries.FirstOrDefault(e => e.Destination == destination && (nextHopId is null || e.NextHopId == nextHopId))
                ?? throw new ApiError("InvalidRouteEntry.NotFound", "The specified route entry does not exist.");
        }

        if (entry.IsSystem)
        {
            throw new ApiError("OperationDenied", "The specified route entry is a system route and cannot be deleted.");
        }

        CheckOneWriteAtATime(table);
        entry.Status = VpcRouteStatus.Deleting;
        entry.Modified = state.Now;
        state.Settle(() => table.Entries.Remove(entry));
        return new RequestIdOnly(requestId);
    }

    /// <summary>
    /// A VPC takes one route write at a time (cloud-apis.md §1.4): an entry still Pending or Deleting in the same table
    /// refuses the write with IncorrectRouteEntryStatus, one elsewhere in the VPC with TaskConflict.
    /// </summary>
    private static void CheckOneWriteAtATime(RouteTableState table)
    {
        if (table.HasEntryInProgress)
        {
            throw new ApiError("IncorrectRouteEntryStatus", "Some route entry status blocked this operation.");
        }

        if (table.Vpc.HasRouteWriteInProgress)
        {
            throw new ApiError("TaskConflict", "The operation is too frequent, please wait a moment and try again.");
        }
    }

    private RouteTableState FindTable(string id, string? region)
    {
        var table = state.FindRouteTable(id);
        return table is null || (region is not null && table.Vpc.Region != region)
            ? throw new ApiError("InvalidRouteTableId.NotFound", "Specified route table does not exist.", 404)
            : table;
    }

    private static string EntryType(RouteEntryState entry) => entry.IsSystem ? "System" : "Custom";

    private static TagSet Tags(SortedDictionary<string, string> tags) => new([.. tags.Select(t => new TagItem(t.Key, t.Value))]);
}
