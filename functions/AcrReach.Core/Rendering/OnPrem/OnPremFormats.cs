using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Rendering.OnPrem;

/// <summary>A file of on-premises configuration: its name (under <c>--out DIR</c>) and its text.</summary>
public sealed record ConfigFile(string Name, string Text);

/// <summary>
/// Every on-premises format, by the name the CLI takes. Each renders a <see cref="DataCenterConfiguration"/> into one
/// or more files, pure and deterministic; the header of every file names the plan id and the data center.
/// </summary>
public static class OnPremFormats
{
    public static readonly ImmutableArray<string> Routes = ["cisco-ios", "huawei-vrp", "juniper", "linux", "bgp"];

    public static readonly ImmutableArray<string> Dns = ["bind", "dnsmasq", "coredns", "unbound", "hosts"];

    public static readonly ImmutableArray<string> Probe = ["probe-script"];

    public static ImmutableArray<string> All { get; } = [.. Routes, .. Dns, .. Probe];

    /// <summary>Formats that always write files (several of them), never to stdout.</summary>
    public static bool AlwaysFiles(string format) => format == "bind";

    /// <summary>The registries a data center's configuration pulls from, for <c>probe-script</c>.</summary>
    public static ImmutableArray<ProbeTargets> ProbesFor(DataCenterConfiguration config, Account account)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(account);
        return [.. config.Routes.SelectMany(r => r.Purposes).Select(p => p.Registry)
            .Concat(config.Names.Where(n => n.Purpose is not null).Select(n => n.Purpose!.Registry))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(account.FindRegistry).OfType<Registry>().Select(ProbeTargets.For)];
    }

    /// <summary>
    /// Renders one format; <paramref name="nextHop"/> (route formats only) is the router toward the VBR/VPN, else a
    /// placeholder; <paramref name="probes"/> (probe-script only) are the registries the data center pulls from.
    /// </summary>
    public static ImmutableArray<ConfigFile> Render(DataCenterConfiguration config, string format, IPAddress? nextHop = null, ImmutableArray<ProbeTargets> probes = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return format switch
        {
            "cisco-ios" => [RouteConfig.CiscoIos(config, nextHop)],
            "huawei-vrp" => [RouteConfig.HuaweiVrp(config, nextHop)],
            "juniper" => [RouteConfig.Juniper(config, nextHop)],
            "linux" => [RouteConfig.Linux(config, nextHop)],
            "bgp" => [RouteConfig.Bgp(config)],
            "bind" => DnsConfig.Bind(config),
            "dnsmasq" => [DnsConfig.Dnsmasq(config)],
            "coredns" => [DnsConfig.CoreDns(config)],
            "unbound" => [DnsConfig.Unbound(config)],
            "hosts" => [DnsConfig.Hosts(config)],
            "probe-script" => [ProbeScript.Render(config, probes.IsDefault ? [] : probes)],
            _ => throw new ArgumentException($"unknown format '{format}'", nameof(format)),
        };
    }
}
