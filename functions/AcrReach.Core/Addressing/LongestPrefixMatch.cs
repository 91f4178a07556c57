using System.Net;

namespace AcrReach.Core.Addressing;

/// <summary>The look-up every route table does: of the entries whose destination holds the address, the most specific.</summary>
public static class LongestPrefixMatch
{
    public static T? Find<T>(IEnumerable<T> entries, Func<T, IPNetwork> destination, IPAddress address)
        where T : class
    {
        T? best = null;
        var bestLength = -1;
        foreach (var entry in entries)
        {
            var network = destination(entry);
            if (network.PrefixLength > bestLength && network.Contains(address))
            {
                best = entry;
                bestLength = network.PrefixLength;
            }
        }

        return best;
    }
}
