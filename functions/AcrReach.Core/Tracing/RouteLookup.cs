using System.Net;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Tracing;

/// <summary>
/// Longest-prefix match over one route table, precomputed: small tables are scanned most-specific first; large ones
/// (a transit router that learned thousands of VPC blocks) are probed once per prefix length present.
/// </summary>
internal sealed class RouteLookup
{
    private const int ScanLimit = 24;

    private readonly MatchedRoute[] _routes;
    private readonly uint[] _networks;
    private readonly uint[] _masks;
    private readonly int[] _lengths;
    private readonly Dictionary<ulong, int>? _byKey;
    private readonly int[] _lengthsPresent;

    public RouteLookup(List<MatchedRoute> routes)
    {
        routes.Sort(static (a, b) =>
        {
            var byLength = b.Destination.PrefixLength.CompareTo(a.Destination.PrefixLength);
            return byLength != 0 ? byLength : Cidr.Compare(a.Destination, b.Destination);
        });
        _routes = [.. routes];
        _networks = new uint[_routes.Length];
        _masks = new uint[_routes.Length];
        _lengths = new int[_routes.Length];
        for (var i = 0; i < _routes.Length; i++)
        {
            var destination = _routes[i].Destination;
            _networks[i] = Cidr.ToUInt32(destination.BaseAddress);
            _lengths[i] = destination.PrefixLength;
            _masks[i] = Cidr.Mask(destination.PrefixLength);
        }

        _lengthsPresent = [.. _lengths.Distinct()];
        if (_routes.Length > ScanLimit)
        {
            _byKey = new Dictionary<ulong, int>(_routes.Length);
            for (var i = 0; i < _routes.Length; i++)
            {
                _byKey.TryAdd(Key(_lengths[i], _networks[i]), i);
            }
        }
    }

    public IReadOnlyList<MatchedRoute> Routes => _routes;

    /// <summary>The most specific route whose destination holds all of <paramref name="destination"/>.</summary>
    public MatchedRoute? Match(IPNetwork destination)
    {
        var address = Cidr.ToUInt32(destination.BaseAddress);
        var length = destination.PrefixLength;
        if (_byKey is null)
        {
            for (var i = 0; i < _routes.Length; i++)
            {
                if (_lengths[i] <= length && (address & _masks[i]) == _networks[i])
                {
                    return _routes[i];
                }
            }

            return null;
        }

        foreach (var candidate in _lengthsPresent)
        {
            if (candidate <= length && _byKey.TryGetValue(Key(candidate, address & Cidr.Mask(candidate)), out var index))
            {
                return _routes[index];
            }
        }

        return null;
    }

    /// <summary>The route with exactly this destination, if any.</summary>
    public MatchedRoute? Exact(IPNetwork destination)
    {
        var address = Cidr.ToUInt32(destination.BaseAddress);
        if (_byKey is not null)
        {
            return _byKey.TryGetValue(Key(destination.PrefixLength, address), out var index) ? _routes[index] : null;
        }

        for (var i = 0; i < _routes.Length; i++)
        {
            if (_lengths[i] == destination.PrefixLength && _networks[i] == address)
            {
                return _routes[i];
            }
        }

        return null;
    }

    private static ulong Key(int length, uint network) => (ulong)length << 32 | network;
}
