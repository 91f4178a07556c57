using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;

namespace AcrReach.Core.Tests.Scenarios;

public class MultiAccountScenarioTests
{
    private const string TwoAccounts = """
        {
          "accountId": "100",
          "accounts": [{ "accountId": "200", "roleName": "AcrReachRole" }],
          "vpcs": [{
            "id": "vpc-a", "region": "cn-shanghai", "accountId": "200", "cidrs": ["172.16.0.0/16"],
            "vswitches": [{ "id": "vsw-a", "zone": "z", "cidr": "172.16.0.0/24", "routeTableId": "vtb-a" }],
            "routeTables": [{ "id": "vtb-a", "type": "System", "entries": [] }]
          }, {
            "id": "vpc-b", "region": "cn-shanghai", "cidrs": ["10.0.0.0/16"],
            "vswitches": [], "routeTables": [{ "id": "vtb-b", "type": "System", "entries": [] }]
          }]
        }
        """;

    private static InvalidInputException Refused(string json) =>
        Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(json, "case.json"));

    [Fact]
    public void A_resource_belongs_to_the_account_it_names_and_otherwise_to_the_network_account()
    {
        var account = ScenarioReader.Read(TwoAccounts, "case.json");

        var member = Assert.Single(account.Members);
        Assert.Equal("acs:ram::200:role/AcrReachRole", member.RoleArn);
        Assert.Equal("200", account.OwnerOf("vpc-a"));
        Assert.Equal("100", account.OwnerOf("vpc-b"));
    }

    [Fact]
    public void Refuses_an_account_id_that_accounts_does_not_list_naming_its_path()
    {
        var error = Refused(TwoAccounts.Replace("\"accountId\": \"200\", \"cidrs\"", "\"accountId\": \"300\", \"cidrs\"", StringComparison.Ordinal));

        Assert.Equal("case.json", error.File);
        Assert.Equal("$.vpcs[0].accountId", error.JsonPath);
        Assert.Contains("'300'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_member_that_is_the_network_account_itself()
    {
        var error = Refused(TwoAccounts.Replace("[{ \"accountId\": \"200\"", "[{ \"accountId\": \"100\"", StringComparison.Ordinal));

        Assert.Equal("$.accounts[0].accountId", error.JsonPath);
    }

    [Theory]
    [InlineData("\"roleName\": \"AcrReachRole\" }, { \"accountId\": \"200\", \"roleName\": \"Other\"", "$.accounts[1].accountId")]
    [InlineData("\"roleName\": \"Acr Reach/Role\"", "$.accounts[0].roleName")]
    [InlineData("\"roleName\": \"\"", "$.accounts[0].roleName")]
    public void Refuses_a_duplicate_member_or_a_role_name_ram_would_refuse(string replacement, string path)
    {
        var error = Refused(TwoAccounts.Replace("\"roleName\": \"AcrReachRole\"", replacement, StringComparison.Ordinal));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void Refuses_a_member_account_id_that_is_not_digits()
    {
        var error = Refused(TwoAccounts.Replace("[{ \"accountId\": \"200\"", "[{ \"accountId\": \"acme\"", StringComparison.Ordinal));

        Assert.Equal("$.accounts[0].accountId", error.JsonPath);
    }

    [Fact]
    public void The_example_writes_back_unchanged_with_its_owners()
    {
        var account = ScenarioReader.Read(File.ReadAllBytes(ExamplePath()), ExamplePath());
        var written = ScenarioWriter.Write(account);
        var reread = ScenarioReader.Read(written, "written.json");

        Assert.Equal(written, ScenarioWriter.Write(reread));
        Assert.Equal(account.Owners, reread.Owners);
        Assert.Equal(account.Members.ToArray(), reread.Members.ToArray());
        Assert.Equal("3000000000000003", reread.OwnerOf("cri-multi0001"));
        Assert.Equal("2000000000000002", reread.OwnerOf("vpc-sh-workload"));
        Assert.Equal("1000000000000001", reread.OwnerOf("tr-hz"));
    }

    [Fact]
    public void Ownership_does_not_change_the_plan()
    {
        var json = JsonNode.Parse(File.ReadAllText(ExamplePath()))!.AsObject();
        var withOwners = Planner.Plan(ScenarioReader.Read(json.ToJsonString(), "multi.json"));
        json.Remove("accounts");
        foreach (var section in new[] { "vpcs", "transitRouters", "registries" })
        {
            foreach (var item in json[section]!.AsArray())
            {
                item!.AsObject().Remove("accountId");
            }
        }

        var withoutOwners = Planner.Plan(ScenarioReader.Read(json.ToJsonString(), "single.json"));

        Assert.NotEmpty(withOwners.Actions);
        Assert.Equal(PlanJson.Serialize(withoutOwners), PlanJson.Serialize(withOwners));
    }

    private static string ExamplePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "scenarios", "multi-account.json"));
}
