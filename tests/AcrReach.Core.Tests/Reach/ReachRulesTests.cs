using System.Collections.Immutable;
using AcrReach.Core.Reach;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Reach;

public class ReachRulesTests
{
    private static Account Tagged(string tag, params ReachRule[] policy)
    {
        var account = Golden.Load("tag-policy-star");
        return account with
        {
            Vpcs = [.. account.Vpcs.Select(v => v.Id == "vpc-sh2" ? v with { Tags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(ReachRules.TagKey, tag) } : v)],
            Policy = account.Policy with { Reach = [.. policy] },
        };
    }

    [Fact]
    public void Star_tag_names_every_registry_of_the_account()
    {
        var rules = ReachRules.Effective(Tagged("*"));

        Assert.Equal(["cri-shlocal", "cri-xxxxxx"], rules.Select(r => r.Registry));
        Assert.All(rules, r => Assert.Equal("vpc-sh2", r.From.VpcId));
    }

    [Fact]
    public void Tag_list_is_split_on_commas_trimmed_and_deduplicated()
    {
        var rules = ReachRules.Effective(Tagged(" cri-xxxxxx ,, cri-shlocal,cri-xxxxxx"));

        Assert.Equal(["cri-shlocal", "cri-xxxxxx"], rules.Select(r => r.Registry));
    }

    [Fact]
    public void Policy_and_tags_are_united_and_sorted_by_source()
    {
        var rules = ReachRules.Effective(Tagged("cri-xxxxxx",
            new ReachRule(ReachSource.ForVpc("vpc-sh9"), "cri-xxxxxx"),
            new ReachRule(ReachSource.ForVpc("vpc-sh2"), "cri-xxxxxx")));

        Assert.Equal([("vpc-sh2", "cri-xxxxxx"), ("vpc-sh9", "cri-xxxxxx")], rules.Select(r => (r.From.Name, r.Registry)));
    }

    [Fact]
    public void Unknown_registry_in_a_tag_is_kept_for_the_planner_to_report()
    {
        Assert.Contains(ReachRules.Effective(Tagged("cri-nope")), r => r.Registry == "cri-nope");
    }
}
