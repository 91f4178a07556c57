using System.Text.Json.Nodes;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>
/// scenarios/multi-account.json: the network account owns the transit routers, a workload account the Shanghai VPC that
/// pulls, a registry account the Hangzhou instance. Every write must be made with the owner's credentials.
/// </summary>
public sealed class MultiAccountTests
{
    private const string Network = "1000000000000001";
    private const string Workload = "2000000000000002";
    private const string Sandbox = "4000000000000004";

    private static string ExamplePath => Path.Combine(Scenarios.RepositoryRoot, "scenarios", "multi-account.json");

    private static Account Example(Action<JsonNode>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(ExamplePath))!;
        edit?.Invoke(json);
        return ScenarioReader.Read(json.ToJsonString(), "multi-account.json");
    }

    private static MemberAccount WorkloadMember => new(Workload, "AcrReachRole");

    [Fact]
    public async Task Converges_with_every_write_made_by_the_owning_account_and_a_second_run_writes_nothing()
    {
        var seed = Example();
        await using var rig = await LocalCloudRig.StartAsync(seed);

        var first = await rig.ApplyAsync();
        var writes = rig.Cloud.Writes();
        rig.Cloud.ResetCalls();
        var second = await rig.ApplyAsync();

        Assert.Equal(ReconcileOutcome.Repaired, first.Outcome);
        Assert.True(first.Verification!.Reachable);
        Assert.Equal(3, writes.Count);
        Assert.All(writes, w => Assert.Equal(w.TargetAccountId, w.AccountId));

        // The workload VPC's two routes are one write.
        Assert.Equal(1, writes.Count(w => w.AccountId == Workload && w.Action == "CreateRouteEntries" && w.RoleArn == WorkloadMember.RoleArn));
        Assert.Equal(2, writes.Count(w => w.AccountId == Network && w.Action == "CreateTransitRouterRouteEntry" && w.RoleArn is null));
        Assert.Equal(ReconcileOutcome.InSync, second.Outcome);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(writes.Count, rig.Cloud.Writes().Count);
    }

    [Fact]
    public async Task A_member_whose_role_is_missing_is_AccountUnreachable_with_its_remedy_and_the_others_converge()
    {
        var seed = Example(json =>
        {
            json["accounts"]!.AsArray().Add(new JsonObject { ["accountId"] = Sandbox, ["roleName"] = "AcrReachRole" });
            json["vpcs"]!.AsArray().Add(JsonNode.Parse($$"""
                { "id": "vpc-sandbox", "region": "cn-shanghai", "accountId": "{{Sandbox}}", "cidrs": ["172.30.0.0/16"],
                  "vswitches": [], "routeTables": [{ "id": "vtb-sandbox", "type": "System", "entries": [] }] }
                """));
        });
        await using var rig = await LocalCloudRig.StartAsync(seed, o => o with { MissingRoles = new HashSet<string> { Sandbox } });

        var report = await rig.ApplyAsync();

        var unreachable = Assert.Single(report.Notes, n => n.Code == DiscoveryNotes.AccountUnreachable);
        Assert.Equal(Core.Planning.Severity.Error, unreachable.Severity);
        Assert.Contains(Sandbox, unreachable.Message, StringComparison.Ordinal);
        Assert.Contains("EntityNotExist.Role", unreachable.Message, StringComparison.Ordinal);
        Assert.Contains($"acs:ram::{Network}:root", unreachable.Remedy, StringComparison.Ordinal);
        Assert.Equal(ReconcileOutcome.Blocked, report.Outcome);
        Assert.False(report.Outcome.IsConverged());
        Assert.Equal(4, report.Count(Cloud.Apply.StepOutcome.Applied));
        Assert.True(report.Verification!.Reachable);
        Assert.DoesNotContain(rig.Cloud.Writes(), w => w.AccountId == Sandbox);
    }

    [Fact]
    public async Task A_write_with_the_wrong_accounts_credentials_is_refused()
    {
        await using var rig = await LocalCloudRig.StartAsync(Example());
        var workload = rig.Apis.AsMember(WorkloadMember);

        var refused = await Assert.ThrowsAsync<CloudApiException>(() => workload.Cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trsh",
            TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8",
            TransitRouterRouteEntryNextHopType = "Attachment",
            TransitRouterRouteEntryNextHopId = "tr-attach-peer",
        }));

        Assert.Equal(("Forbidden.NoPermission", 403), (refused.Code, refused.HttpStatus));
        Assert.Empty(rig.Cloud.Writes());
    }

    [Fact]
    public async Task Temporary_credentials_that_expired_are_assumed_again_not_failed()
    {
        await using var rig = await LocalCloudRig.StartAsync(Example());
        var workload = rig.Apis.AsMember(WorkloadMember);
        var provider = Assert.IsType<AssumedRoleCredentialProvider>(workload.Credentials);
        var describe = new DescribeVpcsRequest { RegionId = "cn-shanghai" };

        var before = await workload.Vpc("cn-shanghai").DescribeVpcsAsync(describe);
        var expired = rig.Cloud.ExpireTemporaryCredentials();
        var after = await workload.Vpc("cn-shanghai").DescribeVpcsAsync(describe);

        Assert.Equal(1, expired);
        Assert.Equal(2, provider.AssumeCount);
        Assert.Equal(before.Vpcs!.Vpc.Select(v => v.VpcId), after.Vpcs!.Vpc.Select(v => v.VpcId));
    }
}
