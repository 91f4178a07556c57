using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AcrReach.Cloud.Credentials;

namespace AcrReach.Functions.Chat;

public enum SignatureCheck
{
    Valid,

    /// <summary>No app secret is configured: every request is refused.</summary>
    NotConfigured,

    /// <summary>The <c>timestamp</c> or <c>sign</c> header is missing.</summary>
    Unsigned,

    /// <summary>The timestamp is not a number of milliseconds.</summary>
    Malformed,

    /// <summary>The timestamp is outside the window around now.</summary>
    Expired,

    BadSignature,

    /// <summary>A request with this timestamp was already accepted once.</summary>
    Replayed,
}

/// <summary>
/// Verifies a DingTalk outgoing robot's request: headers <c>timestamp</c> (ms since the epoch) and
/// <c>sign</c> = Base64(HMAC-SHA256(key: appSecret, message: timestamp + "\n" + appSecret)); a timestamp more than
/// the window (DingTalk: one hour) from now is refused. The sign covers only the timestamp, not the body, so a
/// timestamp accepted once is refused after, however its sign is spelled (replay cache sized to the window). The cache lives in one instance: keep
/// the chat function on few instances (s.yaml gives it a high instanceConcurrency).
/// </summary>
public sealed class RobotSignature
{
    private const int MaxRemembered = 100_000;

    private readonly string? _secret;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private long _nextPruneMs;

    public RobotSignature(string? appSecret, TimeSpan window, TimeProvider time)
    {
        _secret = string.IsNullOrEmpty(appSecret) ? null : appSecret;
        Secrets.Register(_secret);
        _window = window;
        _time = time;
    }

    /// <summary>The <c>sign</c> a robot with this secret sends with this timestamp.</summary>
    public static string Compute(string appSecret, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        return Convert.ToBase64String(Hash(appSecret, timestamp));
    }

    private static byte[] Hash(string appSecret, string timestamp) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(timestamp + "\n" + appSecret));

    public SignatureCheck Verify(string? timestamp, string? sign)
    {
        if (_secret is null)
        {
            return SignatureCheck.NotConfigured;
        }

        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(sign))
        {
            return SignatureCheck.Unsigned;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return SignatureCheck.Malformed;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)_window.TotalMilliseconds;
        if (milliseconds < now - windowMs || milliseconds > now + windowMs)
        {
            return SignatureCheck.Expired;
        }

        if (!Matches(_secret, timestamp, sign))
        {
            return SignatureCheck.BadSignature;
        }

        // Keyed on the timestamp as signed, not on the sign as written: the sign is a function of the timestamp, and
        // one sign can be spelled many ways (percent-encoded, whitespace inside the Base64) that all pass the check.
        return Remember(timestamp, milliseconds + windowMs, now) ? SignatureCheck.Valid : SignatureCheck.Replayed;
    }

    private static bool Matches(string secret, string timestamp, string sign)
    {
        // The header is sent as plain Base64; a percent-encoded copy (as in the robot's webhook URL) is accepted too.
        var text = sign.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(sign) : sign;
        Span<byte> received = stackalloc byte[64];
        if (!Convert.TryFromBase64String(text.Trim(), received, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(secret, timestamp), received[..length]);
    }

    /// <returns>False when the timestamp was already accepted.</returns>
    private bool Remember(string key, long forgetAfterMs, long nowMs)
    {
        if (nowMs >= Interlocked.Read(ref _nextPruneMs) || _accepted.Count >= MaxRemembered)
        {
            Interlocked.Exchange(ref _nextPruneMs, nowMs + 60_000);
            foreach (var (oldKey, expiry) in _accepted)
            {
                if (expiry < nowMs)
                {
                    _accepted.TryRemove(oldKey, out _);
                }
            }

            if (_accepted.Count >= MaxRemembered)
            {
                // Only correctly signed requests get here; so many within one window is not a robot: refuse.
                return false;
            }
        }

        return _accepted.TryAdd(key, forgetAfterMs);
    }
}
