using AcrReach.Cloud.Paging;
using AcrReach.Core.Topology;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>
/// The calls a sweep cannot do without, computed from the account itself: every list read once, in pages of the largest
/// size the API takes, plus the one message. Discovery may not skip any of them: every table must be read to know it.
/// </summary>
internal static class LowerBound
{
    public static SortedDictionary<string, int> Calls(Account account)
    {
        var calls = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Add(string action, int items, int pageSize) => calls[action] = calls.GetValueOrDefault(action) + Math.Max(1, (items + pageSize - 1) / pageSize);

        // Regions: every region holding a transit router or a registry (here, the local cloud answers the scenario's regions).
        var regions = account.TransitRouters.Select(r => r.Region).Concat(account.Registries.Select(r => r.Region)).Distinct(StringComparer.Ordinal).ToList();
        Add("ListTransitRouters", account.TransitRouters.Length, PageSizes.TransitRouters);
        Add("ListInstanceRegion", 1, 1);
        foreach (var region in regions)
        {
            var vpcs = account.Vpcs.Where(v => v.Region == region).ToList();
            Add("ListInstance", account.Registries.Count(r => r.Region == region), PageSizes.CrInstances);
            Add("DescribeVpcs", vpcs.Count, PageSizes.VpcDescribe);
            Add("DescribeVSwitches", vpcs.Sum(v => v.VSwitches.Length), PageSizes.VpcDescribe);
            Add("DescribeRouteTableList", vpcs.Sum(v => v.RouteTables.Length), PageSizes.VpcDescribe);
            foreach (var table in vpcs.SelectMany(v => v.RouteTables))
            {
                Add("DescribeRouteEntryList", table.Entries.Length, PageSizes.VpcRouteEntries);
            }
        }

        foreach (var router in account.TransitRouters)
        {
            Add("ListTransitRouterVpcAttachments", router.Attachments.Count(a => a.Type == AttachmentType.Vpc), 100);
            Add("ListTransitRouterPeerAttachments", router.Attachments.Count(a => a.Type == AttachmentType.Peer), 100);
            Add("ListTransitRouterVbrAttachments", router.Attachments.Count(a => a.Type == AttachmentType.Vbr), 100);
            Add("ListTransitRouterVpnAttachments", router.Attachments.Count(a => a.Type == AttachmentType.Vpn), 100);
            Add("ListTransitRouterRouteTables", router.RouteTables.Length, 100);
            foreach (var table in router.RouteTables)
            {
                Add("ListTransitRouterRouteTableAssociations", table.Associations.Length, 100);
                Add("ListTransitRouterRouteEntries", table.Entries.Length, 100);
            }
        }

        foreach (var _ in account.Registries)
        {
            Add("GetInstanceVpcEndpoint", 1, 1);
        }

        Add("SendMessage", 1, 1);
        return calls;
    }
}
