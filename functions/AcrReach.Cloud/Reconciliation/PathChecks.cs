using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Cloud.Apply;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>Whether a name resolves to the address its path is routed to, as far as AcrReach can know it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DnsCheck>))]
public enum DnsCheck
{
    /// <summary>A PrivateZone record bound to the source, or the source region's resolver, gives the routed address.</summary>
    Resolves,

    /// <summary>What AcrReach can see gives another address: the name does not lead where the route goes.</summary>
    ResolvesElsewhere,

    /// <summary>AcrReach cannot see the resolver the source uses (hosts files, an on-premises or custom DNS server).</summary>
    YourDns,

    /// <summary>A return path: no name to resolve.</summary>
    NoName,
}

/// <summary>One required path: routed (the trace reached the endpoint) and, separately, what its name resolves to.</summary>
public sealed record PathCheck(
    [property: JsonPropertyOrder(0)] string Source,
    [property: JsonPropertyOrder(1)] string Registry,
    [property: JsonPropertyOrder(2)] EndpointKind Endpoint,
    [property: JsonPropertyOrder(3)] string? Name,
    [property: JsonPropertyOrder(4), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(5)] bool Routed,
    [property: JsonPropertyOrder(6)] DnsCheck Dns,
    [property: JsonPropertyOrder(7)] string DnsDetail);

/// <summary>
/// A data center's side: the cloud side is ready when every path from it is routed up to the cloud; the edge router
/// still needs routes for the endpoint addresses toward the VBR/VPN, and the DC's DNS the records (AcrReach cannot see either).
/// </summary>
public sealed record OnPremisesNeeds(
    [property: JsonPropertyOrder(0)] string DataCenter,
    [property: JsonPropertyOrder(1)] bool CloudSideReady,
    [property: JsonPropertyOrder(2)] ImmutableArray<OnPremisesRoute> Routes,
    [property: JsonPropertyOrder(3)] ImmutableArray<DnsRecord> Records)
{
    /// <summary>The verdict in words: "cloud side ready; on-premises: these routes and records".</summary>
    [JsonPropertyOrder(4)]
    public string Verdict => CloudSideReady
        ? "cloud side ready; on-premises: these routes and records"
        : "cloud side NOT ready (see the broken paths); on-premises: these routes and records";
}

/// <summary>A route the data center's edge router needs: the endpoint address toward the attachment it enters the cloud by.</summary>
public sealed record OnPremisesRoute(
    [property: JsonPropertyOrder(0), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(1)] string Toward,
    [property: JsonPropertyOrder(2)] string For);

/// <summary>What verification checked, path by path (pure): routed, and the DNS answer where AcrReach can know it.</summary>
public static class PathChecks
{
    public const string YourDnsDetail = "DNS: your hosts or DNS server (see the DNS records)";

    /// <param name="zones">PrivateZone zones AcrReach knows: the account's, and those the run made or found.</param>
    public static ImmutableArray<PathCheck> Of(Account account, Verification verification, IEnumerable<PrivateZone> zones)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(verification);
        var known = zones.ToList();
        return [.. verification.Paths.Select(path => Check(account, path, known))];
    }

    /// <summary>The zones a run's PrivateZone steps made or found, as zones (discovery does not read PrivateZone).</summary>
    public static IEnumerable<PrivateZone> ZonesOf(IEnumerable<StepReport> steps) =>
        steps.Where(s => s.Outcome is StepOutcome.Applied or StepOutcome.AlreadyPresent && s.Action.Zone is not null)
            .Select(s => s.Action.Zone!)
            .Select(z => new PrivateZone(string.Empty, z.ZoneName, [.. z.Records.Select(r => new ZoneRecord(r.Rr, r.Type, r.Value, 60))], [.. z.Vpcs.Select(v => new ZoneBinding(v.VpcId, v.RegionId))]));

    /// <summary>What each data-center source still needs on its own side.</summary>
    public static ImmutableArray<OnPremisesNeeds> OnPremises(Account account, Verification verification, IEnumerable<DnsRecord> dns)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(verification);
        var records = dns.ToList();
        return
        [
            .. account.DataCenters
                .Select(dc => (dc, paths: verification.Paths.Where(p => p.Source == dc.Name).ToList()))
                .Where(x => x.paths.Count > 0)
                .Select(x => new OnPremisesNeeds(
                    x.dc.Name,
                    x.paths.All(p => p.Reached),
                    [.. x.paths.Where(p => p.Direction == PathDirection.Forward)
                        .GroupBy(p => (Cidr.Format(p.Destination), p.Start))
                        .Select(g => new OnPremisesRoute(g.First().Destination, g.Key.Start, string.Join(", ", g.Select(p => $"{Word(p.Endpoint)} {p.Name}").Distinct(StringComparer.Ordinal))))
                        .OrderBy(r => Cidr.Format(r.Destination), StringComparer.Ordinal)],
                    [.. records.Where(r => r.Scope == x.dc.Name)])),
        ];
    }

    private static PathCheck Check(Account account, PathTrace path, List<PrivateZone> zones)
    {
        var (dns, detail) = path.Name is null || path.Direction == PathDirection.Return
            ? (DnsCheck.NoName, "no name (return path)")
            : Resolve(account, path, zones);
        return new PathCheck(path.Source, path.Registry, path.Endpoint, path.Name, path.Destination, path.Reached, dns, detail);
    }

    private static (DnsCheck, string) Resolve(Account account, PathTrace path, List<PrivateZone> zones)
    {
        var name = path.Name!;
        var routed = path.Destination.PrefixLength == 32 ? path.Destination.BaseAddress : null;
        if (account.FindVpc(path.Source) is not { } vpc)
        {
            return (DnsCheck.YourDns, YourDnsDetail);
        }

        foreach (var zone in zones.Where(z => z.Vpcs.Any(b => b.VpcId == vpc.Id)))
        {
            if (Record(zone, name) is { } value)
            {
                return Compare(routed, value, $"PrivateZone {zone.Name}");
            }
        }

        return account.RegionalEndpoints.Resolve(vpc.Region, name) is { } address
            ? Compare(routed, address.ToString(), $"the resolver of {vpc.Region}")
            : (DnsCheck.YourDns, YourDnsDetail);
    }

    private static (DnsCheck, string) Compare(IPAddress? routed, string value, string where) =>
        routed is not null && IPAddress.TryParse(value, out var answer) && answer.Equals(routed)
            ? (DnsCheck.Resolves, $"DNS: resolves to {value} ({where})")
            : (DnsCheck.ResolvesElsewhere, $"DNS: resolves to {value} ({where}), not the routed {(routed is null ? "block" : routed.ToString())}: fix the record");

    /// <summary>The A record of <paramref name="zone"/> that answers <paramref name="name"/> (exact host, then the zone's wildcard).</summary>
    private static string? Record(PrivateZone zone, string name)
    {
        string rr;
        if (string.Equals(name, zone.Name, StringComparison.OrdinalIgnoreCase))
        {
            rr = "@";
        }
        else if (name.EndsWith("." + zone.Name, StringComparison.OrdinalIgnoreCase))
        {
            rr = name[..^(zone.Name.Length + 1)];
        }
        else
        {
            return null;
        }

        var a = zone.Records.Where(r => r.Type == "A").ToList();
        return (a.FirstOrDefault(r => string.Equals(r.Rr, rr, StringComparison.OrdinalIgnoreCase))
            ?? (rr.Contains('.', StringComparison.Ordinal) ? null : a.FirstOrDefault(r => r.Rr == "*")))?.Value;
    }

    private static string Word(EndpointKind endpoint) => endpoint switch
    {
        EndpointKind.Registry => "registry",
        EndpointKind.Auth => "auth",
        EndpointKind.Oss => "OSS",
        EndpointKind.OssPrivateLink => "OSS PrivateLink",
        _ => "return",
    };
}
