using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Http;

/// <summary>A malformed request gets the service's error shape and code, never a 500 with a stack trace.</summary>
public sealed class MalformedRequestTests
{
    public static TheoryData<string, string, Dictionary<string, string>, string, HttpStatusCode> Cases() => new()
    {
        { CloudClient.Vpc, "DescribeVpcs", P(), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou", "PageSize", "ten"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou", "IsDefault", "maybe"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-hangzhou", "RouteTableId", "vtb-hz1", "NextToken", "garbage!"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-hangzhou", "RouteTableId", "vtb-hz1", "MaxResult", "101"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "CreateRouteEntry", P("RouteTableId", "vtb-hz1"), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "DeleteRouteEntry", P(), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Vpc, "NoSuchAction", P(), "InvalidAction.NotFound", HttpStatusCode.NotFound },
        { "2099-01-01", "DescribeVpcs", P(), "InvalidVersion", HttpStatusCode.BadRequest },
        { CloudClient.Cbn, "ListTransitRouterRouteEntries", P(), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Cbn, "ListTransitRouterRouteEntries", P("TransitRouterRouteTableId", "vtb-trhz", "RouteFilter.1.Key", "Nonsense", "RouteFilter.1.Value.1", "10.0.0.0/8"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Cbn, "ListTransitRouterRouteTableAssociations", P(), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Cr, "GetInstance", P(), "MissingParameter", HttpStatusCode.BadRequest },
        { CloudClient.Cr, "GetInstanceVpcEndpoint", P("InstanceId", "cri-xxxxxx", "ModuleName", "Other"), "InvalidParameter", HttpStatusCode.BadRequest },
        { CloudClient.Pvtz, "AddZone", P("ZoneName", "bad name!"), "Zone.Invalid.Name", HttpStatusCode.BadRequest },
        { CloudClient.Pvtz, "BindZoneVpc", P("ZoneId", "nope", "Vpcs.1.RegionId", "cn-hangzhou"), "Zone.Invalid.Id", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_the_service_error_and_never_a_stack_trace(string version, string action, Dictionary<string, string> parameters, string code, HttpStatusCode status)
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(version, action, parameters);

        Assert.Equal((status, code), (answer.Status, answer.Code));
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("RequestId").GetString()));
        Assert.DoesNotContain(" at ", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_request_is_IncompleteSignature()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeVpcs&Version=2016-04-28"));

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Garbled_authorization_header_is_IncompleteSignature()
    {
        await using var cloud = await Cloud.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("Authorization", "ACS3-HMAC-SHA256 garbage");

        var answer = await cloud.Client.Send(request);

        Assert.Equal("IncompleteSignature", answer.Code);
    }

    [Fact]
    public async Task Rpc_call_missing_its_timestamp_is_MissingParameter()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeVpcs&Version=2016-04-28&AccessKeyId=local-access-key-id&Signature=x&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=n"));

        Assert.Equal("MissingParameter", answer.Code);
        Assert.Contains("Timestamp", answer.Json.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }
}
