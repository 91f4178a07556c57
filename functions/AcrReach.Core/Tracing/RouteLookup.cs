using System.Net;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Tracing;

/// <summary>
/// Longest-prefix match over one route table, precomputed once: destinations as sorted integer keys (most specific
/// first), so a small table is one scan of a few hundred bytes and a large one (a transit router that learned
/// thousands of VPC blocks) one hash probe per prefix length present. The routes themselves are materialized only
/// when matched. Routes a plan adds go in a small overlay consulted alongside, so planning never rebuilds a table.
/// </summary>
internal sealed class RouteLookup
{
    private const int ScanLimit = 128;

    private readonly Func<int, MatchedRoute> _materialize;
    private readonly uint[] _networks;
    private readonly byte[] _lengths;
    private readonly int[] _sources;
    private readonly Dictionary<ulong, int>? _byKey;

    // A table is asked about a handful of destinations: its few matched routes, materialized once.
    private (int Index, MatchedRoute Route)[] _matched = [];
    private readonly byte[] _lengthsPresent;
    private List<MatchedRoute>? _planned;

    /// <param name="destinations">The table's destinations; index i is materialized by <paramref name="materialize"/>(i).</param>
    public RouteLookup(IReadOnlyList<IPNetwork> destinations, Func<int, MatchedRoute> materialize)
    {
        _materialize = materialize;
        var count = destinations.Count;
        var keys = new ulong[count];
        _sources = new int[count];
        for (var i = 0; i < count; i++)
        {
            // Longer prefixes first, then by address: the scan order.
            keys[i] = (ulong)(32 - destinations[i].PrefixLength) << 32 | Cidr.ToUInt32(destinations[i].BaseAddress);
            _sources[i] = i;
        }

        Array.Sort(keys, _sources);
        _networks = new uint[count];
        _lengths = new byte[count];
        var present = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            _lengths[i] = (byte)(32 - (int)(keys[i] >> 32));
            _networks[i] = (uint)keys[i];
            if (present.Count == 0 || present[^1] != _lengths[i])
            {
                present.Add(_lengths[i]);
            }
        }

        _lengthsPresent = [.. present];
        if (count > ScanLimit)
        {
            _byKey = new Dictionary<ulong, int>(count);
            for (var i = 0; i < count; i++)
            {
                _byKey.TryAdd(Key(_lengths[i], _networks[i]), i);
            }
        }
    }

    public int Count => _networks.Length + (_planned?.Count ?? 0);

    /// <summary>Adds a route the plan makes; it takes part in every later look-up.</summary>
    public void AddPlanned(MatchedRoute route) => (_planned ??= []).Add(route);

    /// <summary>The most specific route whose destination holds all of <paramref name="destination"/>.</summary>
    public MatchedRoute? Match(IPNetwork destination)
    {
        var address = Cidr.ToUInt32(destination.BaseAddress);
        var length = destination.PrefixLength;
        var index = -1;
        if (_byKey is null)
        {
            for (var i = 0; i < _networks.Length; i++)
            {
                if (_lengths[i] <= length && (address & Cidr.Mask(_lengths[i])) == _networks[i])
                {
                    index = i;
                    break;
                }
            }
        }
        else
        {
            foreach (var candidate in _lengthsPresent)
            {
                if (candidate <= length && _byKey.TryGetValue(Key(candidate, address & Cidr.Mask(candidate)), out var found))
                {
                    index = found;
                    break;
                }
            }
        }

        var best = index < 0 ? null : Route(index);
        if (_planned is not null)
        {
            foreach (var planned in _planned)
            {
                if (planned.Destination.PrefixLength <= length && planned.Destination.PrefixLength > (best?.Destination.PrefixLength ?? -1)
                    && (address & Cidr.Mask(planned.Destination.PrefixLength)) == Cidr.ToUInt32(planned.Destination.BaseAddress))
                {
                    best = planned;
                }
            }
        }

        return best;
    }

    /// <summary>The route with exactly this destination, if any.</summary>
    public MatchedRoute? Exact(IPNetwork destination)
    {
        var address = Cidr.ToUInt32(destination.BaseAddress);
        var length = destination.PrefixLength;
        if (_byKey is not null)
        {
            if (_byKey.TryGetValue(Key((byte)length, address), out var index))
            {
                return Route(index);
            }
        }
        else
        {
            for (var i = 0; i < _networks.Length; i++)
            {
                if (_lengths[i] == length && _networks[i] == address)
                {
                    return Route(i);
                }
            }
        }

        return _planned?.Find(p => p.Destination == destination);
    }

    private MatchedRoute Route(int index)
    {
        foreach (var (matchedIndex, route) in _matched)
        {
            if (matchedIndex == index)
            {
                return route;
            }
        }

        var materialized = _materialize(_sources[index]);
        _matched = [.. _matched, (index, materialized)];
        return materialized;
    }

    private static ulong Key(byte length, uint network) => (ulong)length << 32 | network;
}
