using System.Text.RegularExpressions;

namespace AcrReach.Core.Identifiers;

/// <summary>
/// The shapes of the ids AcrReach puts into a host name or a URL. Anything that comes from outside (an event, a chat
/// message, a tag, a policy file, a flag, an FC header) is checked here before a host name is built from it: a region
/// like <c>x@127.0.0.1:8080/#</c> would otherwise send a signed request, with its STS token, to a host of the event's
/// choosing.
/// </summary>
public static partial class CloudIds
{
    /// <summary>A region id (\z, not $: $ would accept a trailing newline): <c>cn-hangzhou</c>, <c>ap-southeast-1</c>, <c>cn-shanghai-finance-1</c>.</summary>
    public static bool IsRegion(string? value) => value is not null && RegionShape().IsMatch(value);

    /// <summary>An Alibaba Cloud account id (UID): digits only, as in <c>{accountId}.mns.{region}.aliyuncs.com</c>.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountShape().IsMatch(value);

    /// <summary>
    /// A resource id: a lowercase prefix, a hyphen, then ASCII letters, digits and hyphens (<c>vpc-bp1...</c>,
    /// <c>tr-attach-...</c>, <c>cri-...</c>). No control, bidi or zero-width character can pass.
    /// </summary>
    public static bool IsResourceId(string? value) => value is not null && ResourceShape().IsMatch(value);

    /// <summary>An MNS queue (or FC function) name: a letter, then letters, digits, hyphens and underscores, 1 to 128 characters.</summary>
    public static bool IsName(string? value) => value is not null && NameShape().IsMatch(value);

    /// <summary>A RAM role name: 1 to 64 letters, digits, '.' and '-' (RAM CreateRole's RoleName).</summary>
    public static bool IsRoleName(string? value) => value is not null && RoleNameShape().IsMatch(value);

    /// <summary>One DNS label (RFC 1123): letters, digits and inner hyphens, 1 to 63 characters, e.g. a registry instance's name.</summary>
    public static bool IsHostLabel(string? value) => value is not null && HostLabelShape().IsMatch(value);

    /// <summary>The region, or bad input naming where it came from (<paramref name="source"/>, <paramref name="path"/>).</summary>
    /// <exception cref="InvalidInputException">The value is not a region id.</exception>
    public static string RequireRegion(string? value, string source, string path) =>
        IsRegion(value) ? value! : throw new InvalidInputException(source, path, $"{Quote(value)} is not a region id (expected e.g. cn-hangzhou)");

    /// <exception cref="InvalidInputException">The value is not an account id.</exception>
    public static string RequireAccountId(string? value, string source, string path) =>
        IsAccountId(value) ? value! : throw new InvalidInputException(source, path, $"{Quote(value)} is not an account id (digits only)");

    /// <exception cref="InvalidInputException">The value is not a RAM role name.</exception>
    public static string RequireRoleName(string? value, string source, string path) =>
        IsRoleName(value) ? value! : throw new InvalidInputException(source, path, $"{Quote(value)} is not a RAM role name (1 to 64 letters, digits, '.' or '-')");

    /// <exception cref="InvalidInputException">The value is not a queue or function name.</exception>
    public static string RequireName(string? value, string source, string path) =>
        IsName(value) ? value! : throw new InvalidInputException(source, path, $"{Quote(value)} is not a valid name (a letter, then letters, digits, '-' or '_', at most 128)");

    /// <summary>A value quoted for an error message, with anything unprintable shown as <c>\uXXXX</c> so a person sees it.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var shown = value.Length > 80 ? value[..80] + "..." : value;
        var text = new System.Text.StringBuilder("'");
        foreach (var c in shown)
        {
            if (char.IsControl(c) || IsInvisibleFormat(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }

    /// <summary>Bidi controls, zero-width characters and other invisible formatting (Unicode category Cf).</summary>
    public static bool IsInvisibleFormat(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]+){1,3}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RegionShape();

    [GeneratedRegex("^[0-9]{1,32}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AccountShape();

    [GeneratedRegex("^[a-z][a-z0-9]*-[A-Za-z0-9-]{1,128}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ResourceShape();

    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleNameShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameShape();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostLabelShape();
}
