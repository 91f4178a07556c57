using System.Globalization;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.LocalCloud.Http;

namespace AcrReach.LocalCloud.Services;

internal static class Formats
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Cidr(IPNetwork network) => Core.Addressing.Cidr.Format(network);

    /// <summary>A destination as the VPC API accepts it: a canonical CIDR, or a bare address meaning /32.</summary>
    public static bool TryParseDestination(string text, out IPNetwork network) =>
        Core.Addressing.Cidr.TryParseCanonical(text, out network, out _)
        || (Core.Addressing.Cidr.TryParseCanonicalAddress(text, out var address, out _) && Assign(out network, Core.Addressing.Cidr.Host(address)));

    public static IPNetwork ParseDestination(string text, string code, string message) =>
        TryParseDestination(text, out var network) ? network : throw new ApiError(code, message);

    private static bool Assign(out IPNetwork target, IPNetwork value)
    {
        target = value;
        return true;
    }
}
