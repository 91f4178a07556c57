using System.Collections.Immutable;
using System.Text;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Rendering.OnPrem;

/// <summary>
/// The data center's DNS records for its own resolver: one zone per registry domain (never a parent such as
/// aliyuncs.com, see <see cref="DnsZones"/>), the OSS wildcard where the server can hold one, each record preceded by a
/// comment saying what it is for.
/// </summary>
internal static class DnsConfig
{
    /// <summary>Short enough that a moved OSS address is picked up soon after the zone is edited.</summary>
    private const int Ttl = 300;

    /// <summary>A zone file per zone and <c>named.conf.acr-reach</c> with the zone statements (include it from named.conf).</summary>
    public static ImmutableArray<ConfigFile> Bind(DataCenterConfiguration config)
    {
        var zones = Zones(config);
        var files = ImmutableArray.CreateBuilder<ConfigFile>(zones.Count + 1);
        var conf = new StringBuilder();
        RouteConfig.Header(conf, config, "bind", "//", null);
        conf.Append("// Include this file from named.conf; each zone's file name is relative to named's \"directory\" option.\n");
        foreach (var (zone, records) in zones)
        {
            var text = new StringBuilder();
            RouteConfig.Header(text, config, "bind", ";", null);
            text.Append($"; zone {zone}: answered here so {config.DataCenter} resolves it to the addresses it routes to the cloud\n");
            text.Append($"$ORIGIN {zone}.\n$TTL {Ttl}\n");
            text.Append("; the serial is fixed: raise it when you edit this zone by hand and have secondaries\n");
            text.Append($"@ IN SOA localhost. hostmaster.localhost. ( 1 3600 600 86400 {Ttl} )\n");
            text.Append("@ IN NS localhost.\n");
            foreach (var (rr, name) in records)
            {
                text.Append($"; {Purpose(name)}\n");
                text.Append($"{rr} IN A {name.Ip}\n");
            }

            files.Add(new ConfigFile($"{zone}.zone", text.ToString()));
            conf.Append($"zone \"{zone}\" {{ type master; file \"{zone}.zone\"; }};\n");
        }

        files.Add(new ConfigFile("named.conf.acr-reach", conf.ToString()));
        return files.ToImmutable();
    }

    /// <summary>
    /// dnsmasq: <c>host-record</c> answers exactly one name; <c>address=/zone/ip</c> answers the zone and every name
    /// under it, which is the OSS wildcard (dnsmasq(8), --address).
    /// </summary>
    public static ConfigFile Dnsmasq(DataCenterConfiguration config)
    {
        var text = new StringBuilder();
        RouteConfig.Header(text, config, "dnsmasq", "#", null);
        foreach (var name in config.Names)
        {
            text.Append($"# {Purpose(name)}\n");
            text.Append(name.IsWildcard ? $"address=/{name.Name[2..]}/{name.Ip}\n" : $"host-record={name.Name},{name.Ip}\n");
        }

        return new ConfigFile("acr-reach.dnsmasq.conf", text.ToString());
    }

    /// <summary>
    /// A Corefile server block for the registry zones: <c>hosts</c> answers the exact names, <c>template</c> the OSS
    /// wildcard; anything else in those zones falls through to the upstream resolver.
    /// </summary>
    public static ConfigFile CoreDns(DataCenterConfiguration config)
    {
        var text = new StringBuilder();
        RouteConfig.Header(text, config, "coredns", "#", null);
        var zones = Zones(config);
        if (zones.Count == 0)
        {
            return new ConfigFile("acr-reach.Corefile", text.ToString());
        }

        text.Append($"{string.Join(' ', zones.Keys)} {{\n");
        text.Append("    hosts {\n");
        foreach (var name in config.Names.Where(n => !n.IsWildcard))
        {
            text.Append($"        # {Purpose(name)}\n");
            text.Append($"        {name.Ip} {name.Name}\n");
        }

        text.Append($"        ttl {Ttl}\n        fallthrough\n    }}\n");
        foreach (var name in config.Names.Where(n => n.IsWildcard))
        {
            var zone = name.Name[2..];
            text.Append($"    # {Purpose(name)}\n");
            text.Append($"    template IN A {zone} {{\n");
            text.Append($"        match \"^[^.]+\\.{zone.Replace(".", "\\.", StringComparison.Ordinal)}\\.$\"\n");
            text.Append($"        answer \"{{{{ .Name }}}} {Ttl} IN A {name.Ip}\"\n");
            text.Append("        fallthrough\n    }\n");
        }

        text.Append("    forward . /etc/resolv.conf\n}\n");
        return new ConfigFile("acr-reach.Corefile", text.ToString());
    }

    /// <summary>
    /// unbound: <c>local-data</c> per name; a zone with a wildcard is a <c>redirect</c> local zone, which answers every
    /// name under it with the zone apex's data (unbound.conf(5), local-zone).
    /// </summary>
    public static ConfigFile Unbound(DataCenterConfiguration config)
    {
        var text = new StringBuilder();
        RouteConfig.Header(text, config, "unbound", "#", null);
        text.Append("server:\n");
        foreach (var (zone, records) in Zones(config))
        {
            var wildcard = records.FirstOrDefault(r => r.Rr == "*").Name;
            if (wildcard is not null)
            {
                text.Append($"    # {Purpose(wildcard)}\n");
                text.Append($"    local-zone: \"{zone}.\" redirect\n");
                text.Append($"    local-data: \"{zone}. {Ttl} IN A {wildcard.Ip}\"\n");
            }

            foreach (var (rr, name) in records.Where(r => r.Rr != "*" && !(wildcard is not null && r.Rr == "@")))
            {
                text.Append($"    # {Purpose(name)}\n");
                if (wildcard is not null)
                {
                    // A redirect zone answers every name under it with the apex's data, local-data below it included:
                    // a name with an address of its own needs its own (closer) zone.
                    text.Append($"    local-zone: \"{name.Name}.\" static\n");
                }

                text.Append($"    local-data: \"{name.Name}. {Ttl} IN A {name.Ip}\"\n");
            }
        }

        return new ConfigFile("acr-reach.unbound.conf", text.ToString());
    }

    /// <summary>A hosts file: one line per name it can hold; the OSS wildcard becomes a comment with the line to copy per bucket.</summary>
    public static ConfigFile Hosts(DataCenterConfiguration config)
    {
        var text = new StringBuilder();
        RouteConfig.Header(text, config, "hosts", "#", null);
        foreach (var name in config.Names)
        {
            text.Append($"# {Purpose(name)}\n");
            if (name.IsWildcard)
            {
                text.Append($"# a hosts file has no wildcards: add one line per bucket the registry uses, e.g.\n");
                text.Append($"# {name.Ip} <bucket>{name.Name[1..]}\n");
                text.Append($"# (more than one client, or buckets you do not know: use a DNS server format instead: bind, dnsmasq, coredns, unbound)\n");
            }
            else
            {
                text.Append($"{name.Ip} {name.Name}\n");
            }
        }

        return new ConfigFile("acr-reach.hosts", text.ToString());
    }

    private static string Purpose(DataCenterName name) =>
        name.Purpose is { } purpose ? purpose.Describe : name.Name;

    /// <summary>The names grouped by zone, zones sorted, the apex first in each.</summary>
    private static SortedDictionary<string, List<(string Rr, DataCenterName Name)>> Zones(DataCenterConfiguration config)
    {
        var zones = new SortedDictionary<string, List<(string Rr, DataCenterName Name)>>(StringComparer.Ordinal);
        foreach (var name in config.Names)
        {
            var (zone, rr) = DnsZones.ZoneOf(name.Name);
            if (!zones.TryGetValue(zone, out var records))
            {
                zones[zone] = records = [];
            }

            records.Add((rr, name));
        }

        foreach (var records in zones.Values)
        {
            records.Sort((a, b) => (a.Rr == "@" ? 0 : a.Rr == "*" ? 1 : 2).CompareTo(b.Rr == "@" ? 0 : b.Rr == "*" ? 1 : 2) is var c && c != 0 ? c : string.CompareOrdinal(a.Rr, b.Rr));
        }

        return zones;
    }
}
