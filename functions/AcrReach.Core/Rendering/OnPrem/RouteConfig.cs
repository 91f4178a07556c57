using System.Net;
using System.Text;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Rendering.OnPrem;

/// <summary>
/// The data center's routes in its router's own syntax: one static route per destination the plan traces from the
/// data center, toward the router that leads to the VBR/VPN connection, each preceded by a comment saying what it is for.
/// </summary>
internal static class RouteConfig
{
    /// <summary>Shown instead of a next hop the user did not give: the router refuses it, so nothing half-configured slips through.</summary>
    public const string Placeholder = "<next-hop>";

    public static ConfigFile CiscoIos(DataCenterConfiguration config, IPAddress? nextHop) =>
        Lines(config, "cisco-ios", "acr-reach.cisco-ios.txt", "!", nextHop,
            route => $"ip route {route.Destination.BaseAddress} {Netmask(route.Destination)} {NextHop(nextHop)} name {Tag(route)}");

    public static ConfigFile HuaweiVrp(DataCenterConfiguration config, IPAddress? nextHop) =>
        Lines(config, "huawei-vrp", "acr-reach.huawei-vrp.txt", "#", nextHop,
            route => $"ip route-static {route.Destination.BaseAddress} {Netmask(route.Destination)} {NextHop(nextHop)} description {Tag(route)}");

    public static ConfigFile Juniper(DataCenterConfiguration config, IPAddress? nextHop) =>
        Lines(config, "juniper", "acr-reach.juniper.txt", "#", nextHop,
            route => $"set routing-options static route {Cidr.Format(route.Destination)} next-hop {NextHop(nextHop)}");

    /// <summary>A shell script: the next hop is a variable, so a missing one stops the script before any route is added.</summary>
    public static ConfigFile Linux(DataCenterConfiguration config, IPAddress? nextHop)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        Header(text, config, "linux", "#", nextHop);
        text.Append("set -e\n");
        text.Append(nextHop is null
            ? "NEXT_HOP=\"${NEXT_HOP:?set NEXT_HOP to the router toward the VBR/VPN connection}\"\n"
            : $"NEXT_HOP=\"${{NEXT_HOP:-{nextHop}}}\"\n");
        Routes(text, config, "#", route => $"ip route add {Cidr.Format(route.Destination)} via \"$NEXT_HOP\"");
        return new ConfigFile("acr-reach.linux.sh", text.ToString());
    }

    /// <summary>
    /// Prefix lists (FRR / Cisco IOS syntax) for a data center that exchanges routes with the VBR/VPN over BGP: what it
    /// must accept from the cloud side, and what it must announce so the registry's VPC can answer.
    /// </summary>
    public static ConfigFile Bgp(DataCenterConfiguration config)
    {
        var text = new StringBuilder();
        Header(text, config, "bgp", "!", null);
        text.Append("! Accept from the VBR/VPN side: the registry endpoints this data center pulls from.\n");
        text.Append("! If the cloud side announces a covering block instead (a transit router's 100.0.0.0/8), permit that block too.\n");
        var seq = 10;
        foreach (var route in config.Routes)
        {
            text.Append($"! {route.Describe}\n");
            text.Append($"ip prefix-list ACR-REACH-ACCEPT seq {seq} permit {Cidr.Format(route.Destination)}\n");
            seq += 10;
        }

        text.Append("!\n! Announce toward the VBR/VPN side: the blocks the registry's VPC must route back to (the return path).\n");
        seq = 10;
        foreach (var block in config.Advertise)
        {
            text.Append($"! return path to {config.DataCenter}\n");
            text.Append($"ip prefix-list ACR-REACH-ADVERTISE seq {seq} permit {Cidr.Format(block)}\n");
            seq += 10;
        }

        text.Append("!\n! Then add both lists to the session's existing policy (replacing it would drop every other route), e.g.:\n");
        text.Append("!  router bgp <local-asn>\n!   address-family ipv4 unicast\n");
        foreach (var block in config.Advertise)
        {
            text.Append($"!    network {block.BaseAddress} mask {Netmask(block)}\n");
        }

        return new ConfigFile("acr-reach.bgp.txt", text.ToString());
    }

    private static ConfigFile Lines(DataCenterConfiguration config, string format, string fileName, string comment, IPAddress? nextHop, Func<DataCenterRoute, string> line)
    {
        var text = new StringBuilder();
        Header(text, config, format, comment, nextHop);
        Routes(text, config, comment, line);
        return new ConfigFile(fileName, text.ToString());
    }

    private static void Routes(StringBuilder text, DataCenterConfiguration config, string comment, Func<DataCenterRoute, string> line)
    {
        foreach (var route in config.Routes)
        {
            text.Append($"{comment} {route.Describe}\n");
            text.Append(line(route)).Append('\n');
        }
    }

    internal static void Header(StringBuilder text, DataCenterConfiguration config, string format, string comment, IPAddress? nextHop)
    {
        text.Append($"{comment} acr-reach plan {config.PlanId}: {format} for data center {config.DataCenter}\n");
        foreach (var connection in config.Connections)
        {
            text.Append($"{comment} connected through {connection.Describe}\n");
        }

        if (config.Connections.IsEmpty)
        {
            text.Append($"{comment} no VBR or VPN attachment connects {config.DataCenter} to a transit router yet: attach it, then plan again\n");
        }

        if (OnPremFormats.Routes.Contains(format) && format != "bgp")
        {
            text.Append(nextHop is null
                ? $"{comment} next hop: not given (--next-hop IP); replace {(format == "linux" ? "NEXT_HOP" : Placeholder)} with the router toward the connection above\n"
                : $"{comment} next hop: {nextHop}, the router toward the connection above\n");
        }

        if (config.Routes.IsEmpty && OnPremFormats.Routes.Contains(format))
        {
            text.Append($"{comment} nothing to route: the plan traces no path from {config.DataCenter}\n");
        }

        if (config.Names.IsEmpty && OnPremFormats.Dns.Contains(format))
        {
            text.Append($"{comment} nothing to resolve: the plan has no DNS record for {config.DataCenter}\n");
        }
    }

    private static string NextHop(IPAddress? nextHop) => nextHop?.ToString() ?? Placeholder;

    /// <summary>A route's name on the router: one word, short enough for every vendor's limit (Huawei: 35 characters).</summary>
    private static string Tag(DataCenterRoute route)
    {
        var tag = "acr-reach-" + string.Join('-', route.Purposes.Select(p => p.Label.ToLowerInvariant().Replace(' ', '-')).Distinct(StringComparer.Ordinal));
        return tag.Length <= 35 ? tag : "acr-reach";
    }

    private static string Netmask(IPNetwork network) => Cidr.FromUInt32(Cidr.Mask(network.PrefixLength)).ToString();
}
