using System.Collections.Immutable;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Reach;

/// <summary>
/// The reach rules in force: the policy's rules plus those carried by VPC tags. On a real account the policy comes
/// from tags (key <see cref="TagKey"/>: registry instance ids separated by commas, or <c>*</c> for every registry of
/// the account); a policy file adds data centers and overrides. The local cloud tags the VPCs a scenario names.
/// </summary>
public static class ReachRules
{
    public const string TagKey = "acr-reach";

    /// <summary>Every registry of the account.</summary>
    public const string AllRegistries = "*";

    /// <summary>
    /// Policy rules UNION tag rules, deduplicated and sorted (by source, VPCs before data centers of the same name,
    /// then registry). Rules naming something the account does not have are kept: the planner reports them.
    /// </summary>
    public static ImmutableArray<ReachRule> Effective(Account account)
    {
        var rules = new HashSet<ReachRule>(account.Policy.Reach);
        foreach (var vpc in account.Vpcs)
        {
            if (!vpc.Tags.TryGetValue(TagKey, out var value))
            {
                continue;
            }

            foreach (var registry in ParseTag(value))
            {
                if (registry == AllRegistries)
                {
                    foreach (var each in account.Registries)
                    {
                        rules.Add(new ReachRule(ReachSource.ForVpc(vpc.Id), each.InstanceId));
                    }
                }
                else
                {
                    rules.Add(new ReachRule(ReachSource.ForVpc(vpc.Id), registry));
                }
            }
        }

        return [.. rules.Order(RuleOrder.Instance)];
    }

    /// <summary>The registry ids of one tag value: comma-separated, blanks ignored.</summary>
    public static ImmutableArray<string> ParseTag(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The order rules are planned and reported in.</summary>
    public sealed class RuleOrder : IComparer<ReachRule>
    {
        public static readonly RuleOrder Instance = new();

        public int Compare(ReachRule? x, ReachRule? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var bySource = string.CompareOrdinal(x.From.Name, y.From.Name);
            if (bySource != 0)
            {
                return bySource;
            }

            var byKind = (x.From.VpcId is null).CompareTo(y.From.VpcId is null);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Registry, y.Registry);
        }
    }
}
