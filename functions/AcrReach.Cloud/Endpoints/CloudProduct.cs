using System.Collections.Frozen;

namespace AcrReach.Cloud.Endpoints;

/// <summary>How a product's endpoint host is formed.</summary>
public enum EndpointRule
{
    /// <summary><c>{code}.{region}.aliyuncs.com</c>, unless the product's endpoint map names the region.</summary>
    Regional,

    /// <summary><c>{code}.aliyuncs.com</c> for every region.</summary>
    Central,

    /// <summary>MNS: <c>{accountId}.mns.{region}.aliyuncs.com</c>; Function Compute 3.0: <c>{accountId}.{region}.fc.aliyuncs.com</c>.</summary>
    Account,
}

/// <summary>
/// One Alibaba Cloud product AcrReach calls: its endpoint code and rule, its API version and its RAM code
/// (which is not always the product code: the Cbn API is authorised as <c>cen:</c>; platform.md §8).
/// </summary>
public sealed class CloudProduct
{
    public static readonly CloudProduct Vpc = new("Vpc", "vpc", "2016-04-28", "vpc", EndpointRule.Regional, VpcEndpointMap());

    /// <summary>CEN transit routers. The SDK's map sends every listed region to the central host (cloud-apis.md §2.1).</summary>
    public static readonly CloudProduct Cbn = new("Cbn", "cbn", "2017-09-12", "cen", EndpointRule.Central);

    public static readonly CloudProduct Cr = new("Cr", "cr", "2018-12-01", "cr", EndpointRule.Regional);

    public static readonly CloudProduct Pvtz = new("Pvtz", "pvtz", "2018-01-01", "pvtz", EndpointRule.Central);

    public static readonly CloudProduct Mns = new("Mns", "mns", "2015-06-06", "mns", EndpointRule.Account);

    /// <summary>Function Compute 3.0 (ROA): the sweep hands its shards to the worker function through it.</summary>
    public static readonly CloudProduct Fc = new("Fc", "fc", "2023-03-30", "fc", EndpointRule.Account);

    /// <summary>STS, for AssumeRole into member accounts: the central <c>sts.aliyuncs.com</c> answers every region.</summary>
    public static readonly CloudProduct Sts = new("Sts", "sts", "2015-04-01", "sts", EndpointRule.Central);

    private CloudProduct(
        string name,
        string endpointCode,
        string version,
        string ramCode,
        EndpointRule rule,
        FrozenDictionary<string, string>? endpointMap = null)
    {
        Name = name;
        EndpointCode = endpointCode;
        Version = version;
        RamCode = ramCode;
        Rule = rule;
        EndpointMap = endpointMap ?? FrozenDictionary<string, string>.Empty;
    }

    public static IReadOnlyList<CloudProduct> All { get; } = [Vpc, Cbn, Cr, Pvtz, Mns, Fc, Sts];

    /// <summary>The product's name in the SDKs: <c>Vpc</c>, <c>Cbn</c>, <c>Cr</c>, <c>Pvtz</c>, <c>Mns</c>, <c>Fc</c>.</summary>
    public string Name { get; }

    public string EndpointCode { get; }

    /// <summary>The API version sent as <c>x-acs-version</c> / <c>Version</c>.</summary>
    public string Version { get; }

    public string RamCode { get; }

    public EndpointRule Rule { get; }

    /// <summary>Regions whose endpoint is not formed by the rule.</summary>
    public FrozenDictionary<string, string> EndpointMap { get; }

    public override string ToString() => Name;

    /// <summary>
    /// The endpoint map of npm <c>@alicloud/vpc20160428</c> 7.3.2 (<c>_endpointMap</c>): cn-hangzhou and a set of
    /// finance, gov and internal regions go elsewhere than <c>vpc.{region}.aliyuncs.com</c>. Older SDKs also
    /// mapped cn-beijing, cn-shanghai and others to <c>vpc.aliyuncs.com</c>; the regional hosts answer as well.
    /// </summary>
    private static FrozenDictionary<string, string> VpcEndpointMap()
    {
        const string central = "vpc.aliyuncs.com";
        const string nebula = "vpc-nebula.cn-qingdao-nebula.aliyuncs.com";
        const string pre = "vpc-pre.cn-hangzhou.aliyuncs.com";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cn-hangzhou"] = central,
            ["cn-shanghai-finance-1"] = central,
            ["cn-shenzhen-finance-1"] = central,
            ["cn-north-2-gov-1"] = central,
            ["ap-northeast-2-pop"] = central,
            ["cn-beijing-finance-pop"] = central,
            ["cn-beijing-gov-1"] = central,
            ["cn-beijing-nu16-b01"] = central,
            ["cn-edge-1"] = nebula,
            ["cn-fujian"] = central,
            ["cn-haidian-cm12-c01"] = central,
            ["cn-hangzhou-bj-b01"] = central,
            ["cn-hangzhou-finance"] = central,
            ["cn-hangzhou-internal-prod-1"] = central,
            ["cn-hangzhou-internal-test-1"] = pre,
            ["cn-hangzhou-internal-test-2"] = "vpc-inner-pre.cn-hangzhou.aliyuncs.com",
            ["cn-hangzhou-internal-test-3"] = pre,
            ["cn-hangzhou-test-306"] = pre,
            ["cn-hongkong-finance-pop"] = central,
            ["cn-huhehaote-nebula-1"] = nebula,
            ["cn-qingdao-nebula"] = nebula,
            ["cn-shanghai-et15-b01"] = pre,
            ["cn-shanghai-et2-b01"] = central,
            ["cn-shanghai-inner"] = central,
            ["cn-shanghai-internal-test-1"] = pre,
            ["cn-shenzhen-inner"] = central,
            ["cn-shenzhen-st4-d01"] = central,
            ["cn-shenzhen-su18-b01"] = central,
            ["cn-wuhan"] = central,
            ["cn-yushanfang"] = central,
            ["cn-zhangbei"] = central,
            ["cn-zhangbei-na61-b01"] = central,
            ["cn-zhangjiakou-na62-a01"] = "vpc.cn-zhangjiakou.aliyuncs.com",
            ["cn-zhengzhou-nebula-1"] = nebula,
            ["eu-west-1-oxs"] = "vpc-nebula.cn-shenzhen-cloudstone.aliyuncs.com",
            ["rus-west-1-pop"] = central,
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
