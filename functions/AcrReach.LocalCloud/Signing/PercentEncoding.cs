using System.Text;

namespace AcrReach.LocalCloud.Signing;

/// <summary>
/// The percent-encoding both OpenAPI signature styles use (platform.md §1a): UTF-8 bytes, unreserved
/// <c>A-Z a-z 0-9 - _ . ~</c> kept, everything else <c>%XY</c> with upper-case hex, so a space is <c>%20</c>
/// and <c>*</c> is <c>%2A</c>.
/// </summary>
internal static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (!NeedsEncoding(value))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string Hex = "0123456789ABCDEF";

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7F || !IsUnreserved((byte)c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
