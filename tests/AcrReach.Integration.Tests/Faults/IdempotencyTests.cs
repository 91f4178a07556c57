using System.Text.Json;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>
/// ClientToken idempotency across a retried write: the first attempt is applied but its answer is lost, the client
/// retries with the same token, and the service answers the first result instead of writing again.
/// </summary>
public sealed class IdempotencyTests
{
    [Theory]
    [InlineData(SignatureStyle.V3)]
    [InlineData(SignatureStyle.Rpc)]
    public async Task A_vpc_route_whose_answer_was_lost_is_retried_with_the_same_token_and_created_once(SignatureStyle style)
    {
        var network = new LostAnswerHandler("CreateRouteEntry");
        await using var rig = await Rig.StartAsync(client: o => o with { Signature = style }, handler: network);

        var created = await rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai);

        Assert.Equal(Field(network.LostAnswer, "RouteEntryId"), created.RouteEntryId);
        Assert.Equal(2, network.ClientTokens.Count);
        Assert.Single(network.ClientTokens.Distinct());
        Assert.False(string.IsNullOrEmpty(network.ClientTokens.First()));
        Assert.Equal(1, rig.Server.Snapshot().CountTo("vpc-sh2", "vtb-sh2", "100.103.7.181/32"));
    }

    [Fact]
    public async Task A_transit_route_whose_answer_was_lost_keeps_the_callers_token_and_is_created_once()
    {
        var network = new LostAnswerHandler("CreateTransitRouterRouteEntry");
        await using var rig = await Rig.StartAsync(handler: network);

        var created = await rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(Routes.ServiceBlockOverPeer with { ClientToken = "acr-reach-run-1-step-2" });

        Assert.Equal(Field(network.LostAnswer, "TransitRouterRouteEntryId"), created.TransitRouterRouteEntryId);
        Assert.Equal(["acr-reach-run-1-step-2", "acr-reach-run-1-step-2"], network.ClientTokens);
        var table = rig.Server.Snapshot().FindTransitRouter("tr-sh")!.RouteTables.Single();
        Assert.Single(table.Entries, e => e.Destination.ToString() == "100.0.0.0/8");
    }

    [Fact]
    public async Task A_zone_record_whose_answer_was_lost_is_added_once()
    {
        var network = new LostAnswerHandler("AddZoneRecord");
        await using var rig = await Rig.StartAsync(handler: network);

        var added = await rig.Apis.Pvtz.AddZoneRecordAsync(new AddZoneRecordRequest { ZoneId = "zone-cr-hz", Rr = "yyyyyy-registry-vpc", Type = "A", Value = "10.94.205.199" });

        Assert.Equal(Field(network.LostAnswer, "RecordId"), added.RecordId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(rig.Server.Snapshot().PrivateZones.Single().Records, r => r.Rr == "yyyyyy-registry-vpc");
    }

    [Fact]
    public async Task The_same_token_with_other_parameters_is_IdempotentParameterMismatch_and_not_retried()
    {
        await using var rig = await Rig.StartAsync();
        var vpc = rig.Apis.Vpc(Rig.Shanghai);
        await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { ClientToken = "token-1" });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { ClientToken = "token-1", DestinationCidrBlock = "100.118.28.43/32" }));

        Assert.Equal(("IdempotentParameterMismatch", false), (error.Code, error.IsTransient));
        Assert.Equal(2, rig.Calls("CreateRouteEntry"));
        Assert.Equal(0, rig.Server.Snapshot().CountTo("vpc-sh2", "vtb-sh2", "100.118.28.43/32"));
    }

    private static string? Field(string? json, string name)
    {
        using var document = JsonDocument.Parse(json ?? throw new InvalidOperationException("no answer was lost"));
        var value = document.RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString();
    }
}
