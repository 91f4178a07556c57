using System.Collections;
using System.Text;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// The flat name/value parameters of one RPC call, kept sorted by name in ordinal order — the order both
/// signatures canonicalise in (e.g. <c>Version</c> before <c>Vpcs.1.VpcId</c>; signing-vectors.md G5).
/// </summary>
public sealed class ApiParameters : IReadOnlyCollection<KeyValuePair<string, string>>
{
    private readonly SortedList<string, string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Sets a parameter; a later value for the same name replaces the earlier one.</summary>
    public ApiParameters Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _values[name] = value;
        return this;
    }

    public ApiParameters Copy()
    {
        var copy = new ApiParameters();
        foreach (var (name, value) in _values)
        {
            copy._values.Add(name, value);
        }

        return copy;
    }

    /// <summary><c>enc(name)=enc(value)</c> joined by <c>&amp;</c>: the canonical query of both signatures, and the query sent.</summary>
    public string ToCanonicalQuery()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _values)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            PercentEncoding.Append(builder, name);
            builder.Append('=');
            PercentEncoding.Append(builder, value);
        }

        return builder.ToString();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
