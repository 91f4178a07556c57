using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Signing;

/// <summary>What the client signs is what the local cloud verifies, whatever characters the parameters carry.</summary>
public sealed class ParameterEncodingTests
{
    private const string Awkward = "acr-reach: 路由 *~+/=&?%é 😀 'quoted' (x)";

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task Reserved_and_non_ascii_characters_are_signed_as_the_service_checks_them_and_arrive_intact(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);
        var vpc = rig.Apis.Vpc(Rig.Shanghai);

        var created = await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { RouteEntryName = "acr reach+1", Description = Awkward });

        var listed = Assert.Single((await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-sh2", RouteEntryName = "acr reach+1" })).RouteEntrys.RouteEntry);
        Assert.Equal((created.RouteEntryId, Awkward), (listed.RouteEntryId, listed.Description));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task Next_tokens_are_signed_and_sent_back_intact_in_every_signature_style(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts, LargeAccount.Build());

        var entries = await rig.Apis.Cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = LargeAccount.HubTable }).ToImmutableArrayAsync();

        Assert.Equal(LargeAccount.Vpcs + LargeAccount.StaticHubRoutes, entries.Select(e => e.TransitRouterRouteEntryDestinationCidrBlock).Distinct().Count());
        Assert.Equal(3, rig.Calls("ListTransitRouterRouteEntries"));
    }
}
