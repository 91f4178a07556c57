using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Paging;

/// <summary>A list that exactly fills its pages: both styles stop without asking for an empty page.</summary>
public sealed class FullLastPageTests
{
    [Fact]
    public async Task A_list_of_exactly_one_full_page_takes_one_call_in_either_paging_style()
    {
        var large = LargeAccount.Build();
        var busy = large.Vpcs[0];
        var hundredRoutes = busy with { RouteTables = [busy.RouteTables[0] with { Entries = busy.RouteTables[0].Entries[..PageSizes.VpcRouteEntries] }] };
        await using var rig = await Rig.StartAsync(large with { Vpcs = [hundredRoutes, .. large.Vpcs[1..PageSizes.VpcDescribe]] });
        var vpc = rig.Apis.Vpc(Rig.Hangzhou);

        var vpcs = await vpc.DescribeAllVpcsAsync().ToImmutableArrayAsync();
        var entries = await vpc.DescribeAllRouteEntriesAsync(new DescribeRouteEntryListRequest { RouteTableId = LargeAccount.BusyVpcTable }).ToImmutableArrayAsync();

        Assert.Equal((PageSizes.VpcDescribe, PageSizes.VpcRouteEntries), (vpcs.Length, entries.Length));
        Assert.Equal((1, 1), (rig.Calls("DescribeVpcs"), rig.Calls("DescribeRouteEntryList")));
    }
}
