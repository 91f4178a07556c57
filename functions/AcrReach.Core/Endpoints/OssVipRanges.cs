using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Endpoints;

/// <summary>
/// The published internal VIP ranges of OSS per region ("Regions and endpoints", ../shared/reference/cloud-apis.md
/// §4.1). OSS addresses move inside these ranges, so <c>ossRouteScope: PublishedRanges</c> routes all of them. The
/// table changes over time: a scenario (or configuration) overrides it per region with <c>ossVipRanges</c>.
/// </summary>
public static class OssVipRanges
{
    public static readonly ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>> Published = Build(new Dictionary<string, string[]>
    {
        ["cn-hangzhou"] = ["100.118.28.0/24", "100.114.102.0/24", "100.98.170.0/24", "100.118.31.0/24"],
        ["cn-shanghai"] = ["100.98.35.0/24", "100.98.110.0/24", "100.98.169.0/24", "100.118.102.0/24"],
        ["cn-qingdao"] = ["100.115.173.0/24", "100.99.113.0/24", "100.99.114.0/24", "100.99.115.0/24"],
        ["cn-beijing"] = ["100.118.58.0/24", "100.118.167.0/24", "100.118.170.0/24", "100.118.171.0/24", "100.118.172.0/24", "100.118.173.0/24"],
        ["cn-zhangjiakou"] = ["100.118.90.0/24", "100.98.159.0/24", "100.114.0.0/24", "100.114.1.0/24"],
        ["cn-huhehaote"] = ["100.118.195.0/24", "100.99.110.0/24", "100.99.111.0/24", "100.99.112.0/24"],
        ["cn-wulanchabu"] = ["100.114.11.0/24", "100.114.12.0/24", "100.114.100.0/24", "100.118.214.0/24"],
        ["cn-shenzhen"] = ["100.118.78.0/24", "100.118.203.0/24", "100.118.204.0/24", "100.118.217.0/24"],
        ["cn-heyuan"] = ["100.98.83.0/24", "100.118.174.0/24"],
        ["cn-guangzhou"] = ["100.115.33.0/24", "100.114.101.0/24"],
        ["cn-chengdu"] = ["100.115.155.0/24", "100.99.107.0/24", "100.99.108.0/24", "100.99.109.0/24"],
        ["cn-hongkong"] = ["100.115.61.0/24", "100.99.103.0/24", "100.99.104.0/24", "100.99.106.0/24"],
        ["ap-northeast-1"] = ["100.114.211.0/24", "100.114.114.0/25"],
        ["ap-northeast-2"] = ["100.99.119.0/24"],
        ["ap-southeast-1"] = ["100.118.219.0/24", "100.99.213.0/24", "100.99.116.0/24", "100.99.117.0/24"],
        ["ap-southeast-3"] = ["100.118.165.0/24", "100.99.125.0/24", "100.99.130.0/24", "100.99.131.0/24"],
        ["ap-southeast-5"] = ["100.114.98.0/24"],
        ["eu-central-1"] = ["100.115.154.0/24"],
        ["eu-west-1"] = ["100.114.114.128/25"],
        ["us-west-1"] = ["100.115.107.0/24"],
        ["us-east-1"] = ["100.115.60.0/24", "100.99.100.0/24", "100.99.101.0/24", "100.99.102.0/24"],
        ["me-east-1"] = ["100.99.235.0/24"],
    });

    /// <summary>The ranges of a region by address, the account's override first; empty when the region is not in the table.</summary>
    public static ImmutableArray<IPNetwork> For(Account account, string region) =>
        account.OssVipRangeOverrides.TryGetValue(region, out var overridden) ? [.. overridden.Order(ByAddress)]
        : Published.TryGetValue(region, out var published) ? published
        : [];

    private static readonly Comparer<IPNetwork> ByAddress = Comparer<IPNetwork>.Create(Cidr.Compare);

    private static ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>> Build(Dictionary<string, string[]> table) =>
        table.ToImmutableSortedDictionary(
            row => row.Key,
            row => row.Value.Select(Cidr.Parse).Order(Comparer<IPNetwork>.Create(Cidr.Compare)).ToImmutableArray(),
            StringComparer.Ordinal);
}
