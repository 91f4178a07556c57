using System.Text.Json.Nodes;
using AcrReach.Cloud;
using AcrReach.Cloud.Endpoints;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>template-member.yml: the role a member account gives AcrReach, and template.yml's right to assume only it.</summary>
public sealed class MemberTemplateTests
{
    private static JsonObject Member => YamlJson.Load(Path.Combine(AppContext.BaseDirectory, "Deploy", "template-member.yml")).AsObject();

    private static JsonObject Resource(JsonObject template, string type) =>
        Assert.Single(template["Resources"]!.AsObject(), r => (string?)r.Value!["Type"] == type).Value!["Properties"]!.AsObject();

    [Fact]
    public void The_member_role_grants_exactly_the_actions_the_client_calls_on_a_members_resources()
    {
        // PrivateZone, MNS, FC and STS are called in the network account only (zones, the results queue, the sweep's
        // worker, AssumeRole itself).
        var expected = ApiCatalog.Operations
            .Where(o => o.Product != CloudProduct.Pvtz && o.Product != CloudProduct.Mns && o.Product != CloudProduct.Fc && o.Product != CloudProduct.Sts)
            .Select(o => o.RamAction)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var statement = Assert.Single(Resource(Member, "ALIYUN::RAM::ManagedPolicy")["PolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Equal(expected, statement["Action"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_member_role_trusts_only_the_network_accounts_function_role()
    {
        var statement = Assert.Single(Resource(Member, "ALIYUN::RAM::Role")["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Equal("sts:AssumeRole", (string?)statement["Action"]);
        var principal = Assert.Single(statement["Principal"]!.AsObject());
        Assert.Equal("RAM", principal.Key);
        Assert.Equal("acs:ram::${NetworkAccountId}:role/${FunctionRoleName}", (string?)Assert.Single(principal.Value!.AsArray())!["Fn::Sub"]);
    }

    [Fact]
    public void The_function_role_may_assume_the_member_role_name_only()
    {
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var assume = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => s!["Action"]!.AsArray().Any(a => (string?)a == "sts:AssumeRole"))!;

        Assert.Equal(["sts:AssumeRole"], assume["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("acs:ram::*:role/${MemberRoleName}", (string?)Assert.Single(assume["Resource"]!.AsArray())!["Fn::Sub"]);
        Assert.Equal("AcrReachRole", (string?)DeploymentFiles.Ros["Parameters"]!["MemberRoleName"]!["Default"]);
    }
}
