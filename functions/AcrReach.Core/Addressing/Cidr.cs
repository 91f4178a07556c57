using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace AcrReach.Core.Addressing;

/// <summary>IPv4 CIDR arithmetic on <see cref="IPNetwork"/>; strings only at the parsing edge.</summary>
public static class Cidr
{
    /// <summary>0.0.0.0/0.</summary>
    public static readonly IPNetwork Any = new(IPAddress.Any, 0);

    /// <summary>The block the document routes in transit-router tables (robust to service addresses moving).</summary>
    public static readonly IPNetwork Block100 = new(IPAddress.Parse("100.0.0.0"), 8);

    /// <summary>Where a VPC's own cloud services live (DNS 100.100.2.136, metadata, the region's OSS).</summary>
    public static readonly IPNetwork CloudServices = new(IPAddress.Parse("100.64.0.0"), 10);

    /// <summary>Parses an IPv4 CIDR that must be written canonically (no host bits, no leading zeros).</summary>
    public static bool TryParseCanonical(string? text, out IPNetwork network, [NotNullWhen(false)] out string? problem)
    {
        network = default;
        if (string.IsNullOrEmpty(text))
        {
            problem = "expected an IPv4 CIDR such as 10.0.0.0/16, got an empty value";
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            problem = $"'{text}' is not a CIDR: the prefix length is missing (write {text}/32 for one address)";
            return false;
        }

        if (!TryParseCanonicalAddress(text[..slash], out var address, out _)
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32
            || text.AsSpan(slash + 1).ToString() != prefix.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            problem = $"'{text}' is not an IPv4 CIDR such as 10.0.0.0/16";
            return false;
        }

        var canonical = new IPNetwork(Truncate(address, prefix), prefix);
        if (!canonical.BaseAddress.Equals(address))
        {
            problem = $"'{text}' is not canonical: host bits are set (did you mean {Format(canonical)}?)";
            return false;
        }

        network = canonical;
        problem = null;
        return true;
    }

    /// <summary>Parses a dotted-quad IPv4 address written canonically.</summary>
    public static bool TryParseCanonicalAddress(string? text, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "expected an IPv4 address such as 10.0.0.1, got an empty value";
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork
            || parsed.ToString() != text)
        {
            problem = $"'{text}' is not an IPv4 address written as four decimal numbers such as 10.0.0.1";
            return false;
        }

        address = parsed;
        problem = null;
        return true;
    }

    public static IPNetwork Parse(string text) =>
        TryParseCanonical(text, out var network, out var problem) ? network : throw new FormatException(problem);

    public static IPNetwork Host(IPAddress address) => new(address, 32);

    public static string Format(IPNetwork network) => $"{network.BaseAddress}/{network.PrefixLength}";

    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (!address.TryWriteBytes(bytes, out var written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    public static IPAddress FromUInt32(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    public static uint Mask(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    public static IPAddress Truncate(IPAddress address, int prefixLength) =>
        FromUInt32(ToUInt32(address) & Mask(prefixLength));

    /// <summary>True when <paramref name="inner"/> lies wholly inside <paramref name="outer"/> (or equals it).</summary>
    public static bool ContainsNetwork(this IPNetwork outer, IPNetwork inner) =>
        inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);

    public static bool Overlaps(this IPNetwork a, IPNetwork b) => a.ContainsNetwork(b) || b.ContainsNetwork(a);

    public static IPAddress LastAddress(this IPNetwork network) =>
        FromUInt32(ToUInt32(network.BaseAddress) | ~Mask(network.PrefixLength));

    /// <summary>Orders networks by address, then by prefix length: the order used wherever routes are printed or hashed.</summary>
    public static int Compare(IPNetwork a, IPNetwork b)
    {
        var byAddress = ToUInt32(a.BaseAddress).CompareTo(ToUInt32(b.BaseAddress));
        return byAddress != 0 ? byAddress : a.PrefixLength.CompareTo(b.PrefixLength);
    }

    public static int Compare(IPAddress a, IPAddress b) => ToUInt32(a).CompareTo(ToUInt32(b));
}
