using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

/// <summary>
/// Deterministic ClientTokens: the same change gets the same token in every run, so two runs at once (or a retry)
/// create it once — the service answers the second call with the first one's result. A token is at most 64 ASCII
/// characters (cloud-apis.md §1.2). <paramref name="generation"/> moves on when a token's earlier result is gone (a
/// route deleted after AcrReach made it): the service would otherwise answer the old, deleted route forever. The
/// description is part of the hash: the same token with other parameters is refused (IdempotentParameterMismatch).
/// </summary>
public static class ClientTokens
{
    public const int MaxLength = 64;

    /// <param name="description">The description sent (with the run id in its mark); null: the action's own.</param>
    public static string For(CreateVpcRoute action, int generation = 1, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Make("vpc-route", generation, action.RouteTableId, Cidr.Format(action.Destination), action.NextHopType, action.NextHopId, description ?? action.Description);
    }

    /// <param name="description">The description sent (with the run id in its mark); null: the action's own.</param>
    public static string For(CreateTransitRoute action, int generation = 1, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Make("tr-route", generation, action.RouteTableId, Cidr.Format(action.Destination), "Attachment", action.NextHopId, description ?? action.Description);
    }

    public static string ForZone(string zoneName) => Make("zone", 1, zoneName);

    public static string ForRecord(string zoneId, ZoneRecordChange record, int generation = 1)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Make("record", generation, zoneId, record.Rr, record.Type, record.Value);
    }

    private static string Make(string kind, int generation, params string[] parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + string.Join('\n', parts)));

        // "acr-reach-" (10) + 40 hex digits (160 bits) + "-" + generation: well inside 64 characters.
        return $"{AcrReachMark.Name}-{Convert.ToHexStringLower(hash, 0, 20)}-{generation.ToString(CultureInfo.InvariantCulture)}";
    }
}
