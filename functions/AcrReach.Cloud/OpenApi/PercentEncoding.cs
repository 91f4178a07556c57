using System.Buffers;
using System.Text;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// The percent-encoding every Alibaba Cloud signature uses (RFC 3986): UTF-8 bytes, unreserved
/// <c>A-Z a-z 0-9 - _ . ~</c> kept, everything else <c>%XY</c> in upper-case hex — so a space is <c>%20</c>
/// (never <c>+</c>), <c>*</c> is <c>%2A</c> and <c>~</c> stays (platform.md §1a).
/// </summary>
public static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsAllUnreserved(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the encoded form of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        if (IsAllUnreserved(value))
        {
            builder.Append(value);
            return;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var bytes = maxBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = Encoding.UTF8.GetBytes(value, bytes);
            foreach (var b in bytes[..count])
            {
                if (IsUnreserved((char)b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
}
