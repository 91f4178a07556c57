using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>
/// The DNS side of pruning: PrivateZone records AcrReach made (their remark is its mark) that no rule's DNS needs, and
/// bindings of a zone AcrReach made (the zone's remark is its mark) to a VPC no rule of which needs the zone. A record
/// someone else made, and any binding of a zone someone else made (a person's, or the one Container Registry makes
/// when it links a VPC), are never touched: AcrReach cannot tell its bindings there from theirs.
/// </summary>
internal static class ZoneRemovals
{
    /// <summary>Whether a zone's or record's remark is AcrReach's mark (exactly: a person's "acr-reach-test" is not).</summary>
    public static bool IsMarked(string? remark) => remark == AcrReachMark.Name;

    /// <summary>The removals for <paramref name="account"/>'s zones against what <paramref name="full"/> (every rule) needs, limited to <paramref name="scope"/>'s VPC.</summary>
    public static List<PlanAction> Unneeded(Account account, Plan full, PlanScope scope)
    {
        var needs = PrivateZoneNeeds.For(full.Dns, account).ToDictionary(n => n.ZoneName, StringComparer.OrdinalIgnoreCase);
        var rules = ReachRules.Effective(account);
        var removals = new List<PlanAction>();
        foreach (var zone in account.PrivateZones)
        {
            var need = needs.GetValueOrDefault(zone.Name);
            foreach (var record in zone.Records.Where(r => IsMarked(r.Remark)))
            {
                if (need is null || !need.Records.Any(r => r.Rr == record.Rr && r.Type == record.Type && r.Value == record.Value))
                {
                    var removal = new DeleteZoneRecord(zone.Id, zone.Name, record.Rr, record.Type, record.Value, DeleteZoneRecord.CentralRegion, string.Empty);
                    removals.Add(removal with { Reason = $"no rule's DNS needs it: {removal.Name} -> {record.Value} in zone {zone.Name}" });
                }
            }

            if (!IsMarked(zone.Remark))
            {
                continue;
            }

            foreach (var binding in zone.Vpcs.Where(b => scope.Source is null || scope.Source == b.VpcId))
            {
                if (need is null || !need.Vpcs.Any(v => v.VpcId == binding.VpcId))
                {
                    removals.Add(new UnbindZoneVpc(zone.Id, zone.Name, binding.VpcId, binding.RegionId, Why(binding.VpcId, zone.Name, account, rules)));
                }
            }
        }

        return removals;
    }

    private static string Why(string vpcId, string zoneName, Account account, System.Collections.Immutable.ImmutableArray<ReachRule> rules)
    {
        var what = $"{vpcId} is bound to zone {zoneName}";
        if (account.FindVpc(vpcId) is null)
        {
            return $"source gone: {what}";
        }

        var own = rules.Where(r => r.From.Name == vpcId).ToList();
        if (own.Count == 0)
        {
            return account.Policy.Reach.Any(r => r.From.Name == vpcId) ? $"rule removed: {what}" : $"tag removed: {what}";
        }

        return own.All(r => account.FindRegistry(r.Registry) is null)
            ? $"registry deleted: {what}, and {vpcId}'s rules name only registries that are gone"
            : $"no rule of {vpcId} needs the zone any more: {what}";
    }
}
