namespace AcrReach.LocalCloud;

/// <summary>How a local cloud listens, whom it trusts and how it misbehaves. Every knob has a safe default.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>The access key the local cloud accepts when none is configured.</summary>
    public const string DefaultAccessKeyId = "local-access-key-id";

    public const string DefaultAccessKeySecret = "local-access-key-secret";

    /// <summary>The MNS queue that exists by default: the same default AcrReach publishes to.</summary>
    public const string DefaultQueueName = "acr-reach-results";

    /// <summary>Loopback port; 0 picks a free one (read it back from <see cref="LocalCloudServer.Endpoint"/>).</summary>
    public int Port { get; init; }

    public string AccessKeyId { get; init; } = DefaultAccessKeyId;

    public string AccessKeySecret { get; init; } = DefaultAccessKeySecret;

    public string QueueName { get; init; } = DefaultQueueName;

    /// <summary>
    /// Member accounts (of the scenario's <c>accounts</c>) whose role does not exist: AssumeRole on it answers
    /// EntityNotExist.Role. Every other member's role exists and trusts the network account.
    /// </summary>
    public IReadOnlySet<string> MissingRoles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>More long-term keys: access key id to (secret, account id), e.g. a member account's own key.</summary>
    public IReadOnlyDictionary<string, (string Secret, string AccountId)> AccountKeys { get; init; } = new Dictionary<string, (string Secret, string AccountId)>(StringComparer.Ordinal);

    /// <summary>How long AssumeRole's credentials last, overriding DurationSeconds (null: as asked, 900 to 3600 s).</summary>
    public TimeSpan? StsCredentialLifetime { get; init; }

    /// <summary>Added to every answer (OpenAPI and MNS), in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Fraction (0..1) of calls answered <c>Throttling.User</c>.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Fraction (0..1) of calls answered with a 5xx (<c>ServiceUnavailable</c> 503 or <c>InternalError</c> 500).</summary>
    public double FaultRate { get; init; }

    /// <summary>Seeds the random choices of the throttle and fault rates, so a run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Calls per second allowed per API action before <c>Throttling.User</c>, on top of <see cref="DefaultQps"/>.
    /// The key <c>*</c> sets every action; 0 means unlimited.
    /// </summary>
    public IReadOnlyDictionary<string, int> Qps { get; init; } = new Dictionary<string, int>();

    /// <summary>How long asynchronous operations take to settle (Pending to Available, Creating to Active, CREATING to RUNNING).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the local Function Compute waits before retrying a failed async invocation; doubled on each retry.</summary>
    public TimeSpan AsyncRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The clock for signature windows, settling and QPS windows; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The per-action QPS limits applied unless overridden: generous for reads, tighter for writes, so a client without
    /// its own rate limiter meets throttling on a burst of writes (real VPC limits are per API per 60 s, cloud-apis.md §1.6).
    /// </summary>
    public static IReadOnlyDictionary<string, int> DefaultQps { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["DescribeVpcs"] = 100,
        ["DescribeVSwitches"] = 100,
        ["DescribeRouteTableList"] = 100,
        ["DescribeRouteEntryList"] = 100,
        ["CreateRouteEntry"] = 20,
        ["CreateRouteEntries"] = 20,
        ["DeleteRouteEntry"] = 20,
        ["DeleteVSwitch"] = 10,
        ["DeleteVpc"] = 10,
        ["TagResources"] = 20,
        ["UnTagResources"] = 20,
        ["ListTagResources"] = 100,
        ["DescribeCens"] = 100,
        ["ListTransitRouters"] = 100,
        ["ListTransitRouterVpcAttachments"] = 100,
        ["ListTransitRouterPeerAttachments"] = 100,
        ["ListTransitRouterVbrAttachments"] = 100,
        ["ListTransitRouterVpnAttachments"] = 100,
        ["ListTransitRouterRouteTables"] = 100,
        ["ListTransitRouterRouteEntries"] = 100,
        ["ListTransitRouterRouteTableAssociations"] = 100,
        ["CreateTransitRouterRouteEntry"] = 20,
        ["DeleteTransitRouterRouteEntry"] = 20,
        ["DeleteTransitRouterVpcAttachment"] = 10,
        ["ListInstance"] = 50,
        ["ListInstanceRegion"] = 50,
        ["GetInstance"] = 50,
        ["GetInstanceVpcEndpoint"] = 50,
        ["CreateInstanceVpcEndpointLinkedVpc"] = 10,
        ["DeleteInstanceVpcEndpointLinkedVpc"] = 10,
        ["DeleteInstance"] = 10,
        ["DescribeZones"] = 100,
        ["DescribeZoneInfo"] = 100,
        ["DescribeZoneRecords"] = 100,
        ["AddZone"] = 20,
        ["AddZoneRecord"] = 20,
        ["BindZoneVpc"] = 20,
        ["DeleteZoneRecord"] = 20,
        ["DeleteZone"] = 20,
        ["UpdateZoneRemark"] = 20,
        ["SendMessage"] = 1000,
    };
}
