using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Credentials;

/// <summary>
/// The secret values this process holds (access key secrets, STS tokens, the chat robot's app secret), so that every
/// edge where text leaves the process (an error message, a log line, an answer, a queue message, the CLI's output) can
/// replace them with <see cref="Mask"/>, wherever the text came from: a cloud error body may echo the canonical request,
/// and with it the token. Each value is also matched in the forms it takes on the way out: percent-encoded once (a
/// query string) and twice (an RPC string to sign), and JSON-escaped (<c>+</c> is <c>\u002B</c> to System.Text.Json).
/// Thread-safe; reading is a lock-free snapshot.
/// </summary>
public static class Secrets
{
    public const string Mask = "***";

    /// <summary>
    /// Shorter values are not secrets worth the damage: masking a 5-letter value would garble every message that
    /// happens to contain it. Real ones are far longer (an AccessKey secret has 30 characters, an STS token hundreds).
    /// </summary>
    public const int MinimumLength = 8;

    /// <summary>A bound on what a long-lived instance remembers as tokens rotate; the oldest are forgotten first.</summary>
    public const int Capacity = 512;

    private static readonly Lock Gate = new();
    private static Known _known = new([], [], ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>Remembers <paramref name="value"/> as secret (null, empty, short or already known: nothing happens).</summary>
    public static void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        if (Volatile.Read(ref _known).Values.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        lock (Gate)
        {
            var known = _known;
            if (known.Values.Contains(value, StringComparer.Ordinal) || known.Published.Contains(value))
            {
                return;
            }

            var values = known.Values.Length >= Capacity ? known.Values.RemoveAt(0).Add(value) : known.Values.Add(value);
            Volatile.Write(ref _known, Known.Of(values, known.Published));
        }
    }

    /// <summary>The secret parts of a set of credentials: the AccessKey secret and the STS token (the key id is not secret).</summary>
    public static void Register(CloudCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Register(credentials.AccessKeySecret);
        Register(credentials.SecurityToken);
    }

    /// <summary>
    /// Declares a value public although it is used as a secret: the local cloud's documented default key, which its own
    /// <c>--help</c> prints. It is never masked.
    /// </summary>
    public static void Disclose(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (Gate)
        {
            var known = _known;
            Volatile.Write(ref _known, Known.Of(known.Values.Remove(value, StringComparer.Ordinal), known.Published.Add(value)));
        }
    }

    /// <summary><paramref name="text"/> with every known secret replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = Volatile.Read(ref _known).Patterns;
        if (patterns.IsEmpty || text.Length < MinimumLength)
        {
            return text;
        }

        foreach (var pattern in patterns)
        {
            if (text.Contains(pattern, StringComparison.Ordinal))
            {
                text = text.Replace(pattern, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>UTF-8 text with every known secret replaced (the same array back when there was none).</summary>
    public static byte[] Redact(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (Volatile.Read(ref _known).Patterns.IsEmpty)
        {
            return utf8;
        }

        var text = Encoding.UTF8.GetString(utf8);
        var redacted = Redact(text);
        return ReferenceEquals(text, redacted) ? utf8 : Encoding.UTF8.GetBytes(redacted);
    }

    /// <summary>One consistent snapshot: the values, the forms searched for, and the values declared public.</summary>
    private sealed record Known(ImmutableArray<string> Values, ImmutableArray<string> Patterns, ImmutableHashSet<string> Published)
    {
        public static Known Of(ImmutableArray<string> values, ImmutableHashSet<string> published) =>
            new(
                values,

                // Longest first: a value's encoded forms are longer than it, and must be replaced before it cuts them apart.
                [.. values.SelectMany(Forms).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)],
                published);

        private static IEnumerable<string> Forms(string value)
        {
            yield return value;
            var once = PercentEncoding.Encode(value);
            yield return once;
            yield return PercentEncoding.Encode(once);
            yield return Uri.EscapeDataString(value);
            yield return JsonEncodedText.Encode(value).ToString();
        }
    }
}
