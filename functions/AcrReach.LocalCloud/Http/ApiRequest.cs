using System.Globalization;

namespace AcrReach.LocalCloud.Http;

/// <summary>
/// One authenticated OpenAPI call: its action and every parameter, from the query string and the form body merged
/// (pop-core sends a POST's parameters in the body, the generated SDKs in the query). Lists arrive flattened
/// 1-based (<c>Vpcs.1.VpcId</c>); <see cref="List"/> and <see cref="Objects"/> read them back.
/// </summary>
internal sealed class ApiRequest(string action, IReadOnlyDictionary<string, string> parameters, string? hostRegion = null)
{
    public string Action { get; } = action;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>Who signed the call (null only for requests made in tests without the authenticator).</summary>
    public Signing.Caller? Caller { get; init; }

    /// <summary>The region named by a regional host name (<c>cr.cn-hangzhou.aliyuncs.com</c>), when the call came that way.</summary>
    public string? HostRegion { get; } = hostRegion;

    private static readonly HashSet<string> CommonParameters = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "SecurityToken", "Signature", "SignatureMethod", "SignatureVersion",
        "SignatureNonce", "SignatureType", "Timestamp", "ClientToken",
    };

    /// <summary>The call's own parameters (not the signature's, not the token): equal fingerprints mean the same request.</summary>
    public string Fingerprint => Action + "?" + string.Join('&', Parameters
        .Where(p => !CommonParameters.Contains(p.Key))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + p.Value));

    public string? Optional(string name) =>
        Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Optional(name) ?? throw ApiError.Missing(name);

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw ApiError.Invalid(name, "It must be an integer.");
        }

        return value < min || value > max
            ? throw ApiError.Invalid(name, $"It must be between {min} and {max}.")
            : value;
    }

    public bool? Bool(string name) => Optional(name) switch
    {
        null => null,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw ApiError.Invalid(name, "It must be true or false."),
    };

    /// <summary><c>Name.1</c>, <c>Name.2</c>, ... in index order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var prefix = name + ".";
        return [.. Parameters
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && IsIndex(p.Key.AsSpan(prefix.Length)))
            .OrderBy(p => int.Parse(p.Key.AsSpan(prefix.Length), CultureInfo.InvariantCulture))
            .Select(p => p.Value)];
    }

    /// <summary><c>Name.1.Field</c>, <c>Name.2.Field</c>, ...: one dictionary of fields per index, in index order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Objects(string name)
    {
        var prefix = name + ".";
        var byIndex = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in Parameters)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !IsIndex(rest[..dot]))
            {
                continue;
            }

            var index = int.Parse(rest[..dot], CultureInfo.InvariantCulture);
            if (!byIndex.TryGetValue(index, out var fields))
            {
                byIndex[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            fields[rest[(dot + 1)..].ToString()] = value;
        }

        return [.. byIndex.Values];
    }

    private static bool IsIndex(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.Length < 6 && text[0] != '0' && !text.ContainsAnyExceptInRange('0', '9');
}
