namespace AcrReach.Cloud.Paging;

/// <summary>
/// The largest page each list accepts, so discovery makes the fewest calls (cloud-apis.md §1.2, §2.2, §3.2,
/// platform.md §7). Where the maximum is not documented the documented default or a known-safe value is used.
/// </summary>
public static class PageSizes
{
    public const int VpcDescribe = 50;

    /// <summary>DescribeRouteEntryList's MaxResult: 1–100.</summary>
    public const int VpcRouteEntries = 100;

    /// <summary>DescribeCens' PageSize: 1–50.</summary>
    public const int Cens = 50;

    /// <summary>ListTransitRouters' PageSize: 1–50.</summary>
    public const int TransitRouters = 50;

    /// <summary>Route tables, route entries and peer attachments: 1–100.</summary>
    public const int CbnDocumentedMaximum = 100;

    /// <summary>VPC/VBR/VPN attachments and associations: maximum not documented; 50 is at least every default.</summary>
    public const int CbnUndocumentedMaximum = 50;

    /// <summary>CR ListInstance: maximum not documented; 30 is the default.</summary>
    public const int CrInstances = 30;

    public const int PrivateZone = 100;
}
