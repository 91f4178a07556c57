using System.Reflection;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests;

public class ApiCatalogTests
{
    [Fact]
    public void Lists_every_ram_action_the_client_can_call()
    {
        Assert.Equal<string>(
            [
                "cen:CreateTransitRouterRouteEntry",
                "cen:DeleteTransitRouterRouteEntry",
                "cen:DescribeCens",
                "cen:ListTransitRouterPeerAttachments",
                "cen:ListTransitRouterRouteEntries",
                "cen:ListTransitRouterRouteTableAssociations",
                "cen:ListTransitRouterRouteTables",
                "cen:ListTransitRouterVbrAttachments",
                "cen:ListTransitRouterVpcAttachments",
                "cen:ListTransitRouterVpnAttachments",
                "cen:ListTransitRouters",
                "cr:CreateInstanceVpcEndpointLinkedVpc",
                "cr:GetInstance",
                "cr:GetInstanceVpcEndpoint",
                "cr:ListInstance",
                "cr:ListInstanceRegion",
                "fc:InvokeFunction",
                "mns:SendMessage",
                "pvtz:AddZone",
                "pvtz:AddZoneRecord",
                "pvtz:BindZoneVpc",
                "pvtz:DeleteZoneRecord",
                "pvtz:DescribeZoneInfo",
                "pvtz:DescribeZoneRecords",
                "pvtz:DescribeZones",
                "pvtz:UpdateZoneRemark",
                "sts:AssumeRole",
                "vpc:CreateRouteEntries",
                "vpc:CreateRouteEntry",
                "vpc:DeleteRouteEntry",
                "vpc:DescribeRouteEntryList",
                "vpc:DescribeRouteTableList",
                "vpc:DescribeVSwitches",
                "vpc:DescribeVpcs",
            ],
            ApiCatalog.RamActions);
    }

    [Fact]
    public void Every_method_of_every_api_interface_has_an_operation_in_the_catalog()
    {
        var interfaces = new[] { typeof(IVpcApi), typeof(ICbnApi), typeof(ICrApi), typeof(IPvtzApi), typeof(IMnsApi), typeof(IFcApi) };
        var apiActions = interfaces
            .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name[..^"Async".Length])
            .Order(StringComparer.Ordinal);

        // STS has no API interface: the member-account credential provider calls AssumeRole through the client itself.
        Assert.Equal(apiActions, ApiCatalog.Operations.Where(o => o.Product != CloudProduct.Sts).Select(o => o.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Calling_every_operation_sends_exactly_the_catalogued_actions()
    {
        using var cloud = new TestCloud();
        cloud.Handler.Fallback = sent => sent.Uri.AbsolutePath.StartsWith("/queues/", StringComparison.Ordinal)
            ? FakeHandler.Respond(System.Net.HttpStatusCode.Created, "<Message><MessageId>m</MessageId></Message>", "text/xml")
            : FakeHandler.Respond(System.Net.HttpStatusCode.OK, """{ "RequestId": "R", "IsSuccess": true }""", "application/json");
        var apis = cloud.Apis;
        var vpc = apis.Vpc("cn-hangzhou");
        var cr = apis.Cr("cn-hangzhou");

        await vpc.DescribeVpcsAsync(new());
        await vpc.DescribeVSwitchesAsync(new());
        await vpc.DescribeRouteTableListAsync(new());
        await vpc.DescribeRouteEntryListAsync(new());
        await vpc.CreateRouteEntryAsync(new());
        await vpc.CreateRouteEntriesAsync(new());
        await vpc.DeleteRouteEntryAsync(new());
        await apis.Cbn.DescribeCensAsync(new());
        await apis.Cbn.ListTransitRoutersAsync(new());
        await apis.Cbn.ListTransitRouterVpcAttachmentsAsync(new());
        await apis.Cbn.ListTransitRouterPeerAttachmentsAsync(new());
        await apis.Cbn.ListTransitRouterVbrAttachmentsAsync(new());
        await apis.Cbn.ListTransitRouterVpnAttachmentsAsync(new());
        await apis.Cbn.ListTransitRouterRouteTablesAsync(new());
        await apis.Cbn.ListTransitRouterRouteEntriesAsync(new());
        await apis.Cbn.ListTransitRouterRouteTableAssociationsAsync(new());
        await apis.Cbn.CreateTransitRouterRouteEntryAsync(new());
        await apis.Cbn.DeleteTransitRouterRouteEntryAsync(new());
        await cr.ListInstanceAsync(new());
        await cr.ListInstanceRegionAsync(new());
        await cr.GetInstanceAsync(new());
        await cr.GetInstanceVpcEndpointAsync(new());
        await cr.CreateInstanceVpcEndpointLinkedVpcAsync(new());
        await apis.Pvtz.DescribeZonesAsync(new());
        await apis.Pvtz.DescribeZoneInfoAsync(new());
        await apis.Pvtz.AddZoneAsync(new());
        await apis.Pvtz.DescribeZoneRecordsAsync(new());
        await apis.Pvtz.AddZoneRecordAsync(new());
        await apis.Pvtz.BindZoneVpcAsync(new());
        await apis.Pvtz.DeleteZoneRecordAsync(new());
        await apis.Pvtz.UpdateZoneRemarkAsync(new());
        await apis.Mns("1", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "q", MessageBody = "m" });
        await apis.Fc("1", "cn-hangzhou").InvokeFunctionAsync(new InvokeFunctionRequest("w", "{}"u8.ToArray()));

        var sentActions = cloud.Handler.Sent
            .Select(s => s.Headers.TryGetValue("x-acs-action", out var action) ? $"{RamCode(s.Header("x-acs-version"))}:{action}" : "mns:SendMessage")
            .Order(StringComparer.Ordinal);
        // AssumeRole is sent by the credential provider (AssumedRoleCredentialProviderTests), not through an API interface.
        Assert.Equal<string>(ApiCatalog.RamActions.Where(a => a != "sts:AssumeRole"), sentActions);
    }

    [Fact]
    public void Writes_are_marked_and_the_idempotent_ones_send_a_client_token()
    {
        var writes = ApiCatalog.Operations.Where(o => o.Access == ApiAccess.Write).Select(o => o.RamAction);
        var tokens = ApiCatalog.Operations.Where(o => o.SendsClientToken).Select(o => o.RamAction);

        Assert.Equal(
            ["cen:CreateTransitRouterRouteEntry", "cen:DeleteTransitRouterRouteEntry", "cr:CreateInstanceVpcEndpointLinkedVpc", "fc:InvokeFunction", "mns:SendMessage", "pvtz:AddZone", "pvtz:AddZoneRecord", "pvtz:BindZoneVpc", "pvtz:DeleteZoneRecord", "pvtz:UpdateZoneRemark", "vpc:CreateRouteEntries", "vpc:CreateRouteEntry", "vpc:DeleteRouteEntry"],
            writes);
        Assert.Equal(["cen:CreateTransitRouterRouteEntry", "cen:DeleteTransitRouterRouteEntry", "pvtz:AddZone", "pvtz:AddZoneRecord", "vpc:CreateRouteEntry"], tokens);
    }

    private static string RamCode(string version) => version switch
    {
        "2016-04-28" => "vpc",
        "2017-09-12" => "cen",
        "2018-12-01" => "cr",
        "2018-01-01" => "pvtz",
        "2023-03-30" => "fc",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown API version"),
    };
}
