using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Credentials;

public sealed class AssumedRoleCredentialProviderTests
{
    private static readonly MemberAccount Member = new("2000000000000002", "AcrReachRole");

    private static string Issued(TestCloud cloud, string key, TimeSpan lifetime) => $$"""
        {"RequestId":"r-{{key}}","AssumedRoleUser":{"Arn":"{{Member.RoleArn}}/acr-reach","AssumedRoleId":"1:acr-reach"},
         "Credentials":{"AccessKeyId":"STS.{{key}}","AccessKeySecret":"secret-{{key}}","SecurityToken":"token-{{key}}",
         "Expiration":"{{(cloud.Time.GetUtcNow() + lifetime).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}"} }
        """;

    [Fact]
    public async Task Assumes_the_members_role_with_the_runs_own_credentials_and_caches_until_five_minutes_before_expiry()
    {
        using var cloud = new TestCloud();
        var member = cloud.Apis.AsMember(Member);
        cloud.Handler.ThenJson(Issued(cloud, "one", TimeSpan.FromHours(1)));

        var first = await member.Credentials.GetCredentialsAsync();
        cloud.Time.Advance(TimeSpan.FromMinutes(54));
        var cached = await member.Credentials.GetCredentialsAsync();
        cloud.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        cloud.Handler.ThenJson(Issued(cloud, "two", TimeSpan.FromHours(1)));
        var refreshed = await member.Credentials.GetCredentialsAsync();

        var assume = cloud.Handler.Sent[0];
        Assert.Equal("AssumeRole", assume.Header("x-acs-action"));
        Assert.Equal("2015-04-01", assume.Header("x-acs-version"));
        Assert.Equal("sts.aliyuncs.com", assume.Uri.Host);
        Assert.Equal(Member.RoleArn, assume.Query["RoleArn"]);
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=testid,", assume.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal(("STS.one", "token-one"), (first.AccessKeyId, first.SecurityToken));
        Assert.Same(first, cached);
        Assert.Equal("STS.two", refreshed.AccessKeyId);
        Assert.Equal(2, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task A_call_answered_InvalidSecurityToken_Expired_assumes_the_role_again_and_succeeds()
    {
        using var cloud = new TestCloud();
        var member = cloud.Apis.AsMember(Member);
        cloud.Handler
            .ThenJson(Issued(cloud, "one", TimeSpan.FromHours(1)))
            .ThenJson("""{"RequestId":"x","Code":"InvalidSecurityToken.Expired","Message":"Specified SecurityToken is expired."}""", System.Net.HttpStatusCode.BadRequest)
            .ThenJson(Issued(cloud, "two", TimeSpan.FromHours(1)))
            .ThenJson("""{"RequestId":"ok","TotalCount":0,"PageNumber":1,"PageSize":10,"Vpcs":{"Vpc":[]}}""");

        var answer = await cloud.Settle(member.Vpc("cn-shanghai").DescribeVpcsAsync(new global::AcrReach.Cloud.Vpc.DescribeVpcsRequest { RegionId = "cn-shanghai" }));

        Assert.Equal("ok", answer.RequestId);
        Assert.Equal("token-one", cloud.Handler.Sent[1].Header("x-acs-security-token"));
        Assert.Equal("token-two", cloud.Handler.Sent[3].Header("x-acs-security-token"));
        Assert.Equal(2, ((AssumedRoleCredentialProvider)member.Credentials).AssumeCount);
    }
}
