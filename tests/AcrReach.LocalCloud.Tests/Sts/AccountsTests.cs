using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Sts;

public sealed class AccountsTests
{
    private const string Sts = "2015-04-01";
    private const string Workload = "2000000000000002";
    private const string Registry = "3000000000000003";
    private static readonly string WorkloadRole = $"acs:ram::{Workload}:role/AcrReachRole";

    private static Task<Cloud> StartAsync(Func<LocalCloudOptions, LocalCloudOptions>? configure = null) =>
        Cloud.StartAsync(configure, ScenarioReader.Read(File.ReadAllBytes(ExamplePath()), ExamplePath()));

    private sealed record Temporary(string AccessKeyId, string Secret, string Token, DateTimeOffset Expiration);

    private static async Task<Temporary> AssumeAsync(Cloud cloud, string roleArn)
    {
        var answer = await cloud.Client.Rpc(Sts, "AssumeRole", P("RoleArn", roleArn, "RoleSessionName", "acr-reach"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var credentials = answer.Json.GetProperty("Credentials");
        return new Temporary(
            credentials.GetProperty("AccessKeyId").GetString()!,
            credentials.GetProperty("AccessKeySecret").GetString()!,
            credentials.GetProperty("SecurityToken").GetString()!,
            DateTimeOffset.Parse(credentials.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task<Answer> CallAs(Cloud cloud, Temporary credentials, string version, string action, Dictionary<string, string> parameters, string? token = null) =>
        cloud.ClientWith(credentials.AccessKeyId, credentials.Secret).Acs3(version, action, parameters, call => call.SecurityToken = token ?? credentials.Token);

    private static Dictionary<string, string> RouteIn(string table, string nextHop) =>
        P("RegionId", "cn-shanghai", "RouteTableId", table, "DestinationCidrBlock", "100.103.7.181/32", "NextHopType", "Attachment", "NextHopId", nextHop);

    [Fact]
    public async Task AssumeRole_issues_temporary_credentials_that_see_only_the_member_accounts_resources()
    {
        await using var cloud = await StartAsync();

        var workload = await AssumeAsync(cloud, WorkloadRole);
        var asMember = await CallAs(cloud, workload, CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-shanghai"));
        var asNetwork = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-shanghai"));

        Assert.StartsWith("STS.", workload.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(cloud.Time.GetUtcNow().AddHours(1), workload.Expiration, TimeSpan.FromSeconds(1));
        var vpc = Assert.Single(asMember.Json.GetProperty("Vpcs").GetProperty("Vpc").EnumerateArray());
        Assert.Equal("vpc-sh-workload", vpc.GetProperty("VpcId").GetString());
        Assert.Equal(long.Parse(Workload, System.Globalization.CultureInfo.InvariantCulture), vpc.GetProperty("OwnerId").GetInt64());
        Assert.Equal(0, asNetwork.Json.GetProperty("Vpcs").GetProperty("Vpc").GetArrayLength());
    }

    [Fact]
    public async Task A_write_with_another_accounts_credentials_is_refused_and_the_owners_write_is_recorded_with_its_account()
    {
        await using var cloud = await StartAsync();
        var workload = await AssumeAsync(cloud, WorkloadRole);

        var onNetworkTable = await CallAs(cloud, workload, CloudClient.Cbn, "CreateTransitRouterRouteEntry", P("TransitRouterRouteTableId", "vtb-trsh", "TransitRouterRouteEntryDestinationCidrBlock", "100.0.0.0/8", "TransitRouterRouteEntryNextHopType", "Attachment", "TransitRouterRouteEntryNextHopId", "tr-attach-peer"));
        var networkOnMemberTable = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteIn("vtb-sh2", "tr-attach-sh2"));
        var own = await CallAs(cloud, workload, CloudClient.Vpc, "CreateRouteEntry", RouteIn("vtb-sh2", "tr-attach-sh2"));

        Assert.Equal(HttpStatusCode.Forbidden, onNetworkTable.Status);
        Assert.Equal("Forbidden.NoPermission", onNetworkTable.Code);
        Assert.Equal(HttpStatusCode.Forbidden, networkOnMemberTable.Status);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        var write = Assert.Single(cloud.Server.Writes());
        Assert.Equal(("CreateRouteEntry", Workload, Workload, WorkloadRole, "vtb-sh2"), (write.Action, write.AccountId, write.TargetAccountId, write.RoleArn, write.Target));
        var control = await cloud.Client.Control(HttpMethod.Get, "writes");
        Assert.Equal(Workload, control.Json[0].GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task AssumeRole_on_a_role_that_does_not_exist_is_EntityNotExist_Role()
    {
        await using var cloud = await StartAsync(o => o with { MissingRoles = new HashSet<string> { Registry } });

        var answer = await cloud.Client.Rpc(Sts, "AssumeRole", P("RoleArn", $"acs:ram::{Registry}:role/AcrReachRole", "RoleSessionName", "acr-reach"));
        var other = await cloud.Client.Rpc(Sts, "AssumeRole", P("RoleArn", $"acs:ram::{Workload}:role/SomeOtherRole", "RoleSessionName", "acr-reach"));

        Assert.Equal((HttpStatusCode.NotFound, "EntityNotExist.Role"), (answer.Status, answer.Code));
        Assert.Equal("EntityNotExist.Role", other.Code);
    }

    [Fact]
    public async Task A_member_cannot_assume_another_members_role_the_trust_policy_names_the_network_account()
    {
        await using var cloud = await StartAsync();
        var workload = await AssumeAsync(cloud, WorkloadRole);

        var answer = await CallAs(cloud, workload, Sts, "AssumeRole", P("RoleArn", $"acs:ram::{Registry}:role/AcrReachRole", "RoleSessionName", "hop"));

        Assert.Equal((HttpStatusCode.Forbidden, "NoPermission"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Temporary_credentials_need_their_own_token_and_stop_working_when_they_expire()
    {
        await using var cloud = await StartAsync();
        var workload = await AssumeAsync(cloud, WorkloadRole);
        var describe = P("RegionId", "cn-shanghai");

        var wrongToken = await CallAs(cloud, workload, CloudClient.Vpc, "DescribeVpcs", describe, token: "not-the-token");
        var before = await CallAs(cloud, workload, CloudClient.Vpc, "DescribeVpcs", describe);
        cloud.Time.Advance(TimeSpan.FromHours(1));
        var after = await CallAs(cloud, workload, CloudClient.Vpc, "DescribeVpcs", describe);

        Assert.Equal("InvalidSecurityToken.MismatchWithAccessKey", wrongToken.Code);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidSecurityToken.Expired"), (after.Status, after.Code));
    }

    [Fact]
    public async Task The_control_api_expires_every_temporary_credential_at_once()
    {
        await using var cloud = await StartAsync();
        var workload = await AssumeAsync(cloud, WorkloadRole);

        var expired = await cloud.Client.Control(HttpMethod.Post, "credentials/expire");
        var after = await CallAs(cloud, workload, CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-shanghai"));

        Assert.Equal(1, expired.Json.GetProperty("expired").GetInt32());
        Assert.Equal("InvalidSecurityToken.Expired", after.Code);
    }

    private static string ExamplePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "scenarios", "multi-account.json"));
}
