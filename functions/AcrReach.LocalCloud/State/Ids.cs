using System.Security.Cryptography;
using System.Text;

namespace AcrReach.LocalCloud.State;

/// <summary>
/// Resource ids in the cloud's shapes (<c>rte-</c> plus 20 lower-case letters and digits), derived from a hash of
/// what identifies the resource, so the same scenario and the same calls always give the same ids.
/// </summary>
internal static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string Derive(string prefix, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        var builder = new StringBuilder(prefix, prefix.Length + 20);
        for (var i = 0; i < 20; i++)
        {
            builder.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return builder.ToString();
    }

    /// <summary>The VBR a data center's Express Connect attachment leads to: derived from the data-center name.</summary>
    public static string VirtualBorderRouter(string dataCenter) => Derive("vbr-", "vbr", dataCenter);

    /// <summary>The VPN connection (<c>vco-</c>) a data center's VPN attachment leads to: derived from the data-center name.</summary>
    public static string VpnConnection(string dataCenter) => Derive("vco-", "vpn", dataCenter);

    public static string VRouter(string vpcId) => Derive("vrt-", "vrouter", vpcId);

    public static string SeededRouteEntry(string routeTableId, string destination) => Derive("rte-", "seed", routeTableId, destination);
}
