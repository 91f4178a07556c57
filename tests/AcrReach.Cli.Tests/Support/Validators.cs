using System.Text.RegularExpressions;

namespace AcrReach.Cli.Tests.Support;

/// <summary>Checks on-premises files with the real tools where Debian packages them; fails the test with the tool's own words.</summary>
internal static partial class Validators
{
    public static async Task CheckAsync(string format, string directory)
    {
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
        switch (format)
        {
            case "bind":
                var checkZone = await DebianTools.RequireAsync("named-checkzone", "bind9-utils");
                foreach (var zone in files.Where(f => f.EndsWith(".zone", StringComparison.Ordinal)))
                {
                    await Expect(checkZone, [Path.GetFileNameWithoutExtension(zone), zone]);
                }

                var wrapper = Path.Combine(directory, "named.conf.test");
                File.WriteAllText(wrapper, $"options {{ directory \"{directory}\"; }};\ninclude \"{Path.Combine(directory, "named.conf.acr-reach")}\";\n");
                await Expect(await DebianTools.RequireAsync("named-checkconf", "bind9-utils"), ["-z", wrapper]);
                break;
            case "dnsmasq":
                await Expect(await DebianTools.RequireAsync("dnsmasq", "dnsmasq"), ["--test", "-C", files.Single()]);
                break;
            case "unbound":
                await Expect(await DebianTools.RequireAsync("unbound-checkconf", "unbound"), [files.Single()]);
                break;
            case "linux" or "probe-script":
                await Expect("/bin/sh", ["-n", files.Single()]);
                break;
            case "coredns":
                var coredns = DebianTools.Find("coredns") ?? throw new InvalidOperationException("no coredns binary on PATH");
                var corefile = Path.Combine(directory, "Corefile.test");
                File.WriteAllText(corefile, File.ReadAllText(files.Single()).Replace("forward . /etc/resolv.conf", "forward . 127.0.0.1:9", StringComparison.Ordinal));
                await Expect(coredns, ["-conf", corefile, "-dns.port", "0", "-plugins"]);
                break;
            default:
                // No Debian package validates Cisco IOS, Huawei VRP, Junos, prefix-list or hosts-file syntax: every command line
                // must match the documented form of the one command the format uses.
                var grammar = Grammar(format);
                foreach (var line in File.ReadAllLines(files.Single()).Where(l => l.Length > 0 && l[0] is not '!' and not '#'))
                {
                    Assert.True(grammar.IsMatch(line), $"{format}: '{line}' is not a {format} command AcrReach writes");
                }

                break;
        }
    }

    private static async Task Expect(string tool, string[] arguments)
    {
        var (exitCode, output) = await DebianTools.RunAsync(tool, arguments);
        Assert.True(exitCode == 0, $"{Path.GetFileName(tool)} {string.Join(' ', arguments)} exited {exitCode}: {output}");
    }

    private static Regex Grammar(string format) => format switch
    {
        "cisco-ios" => CiscoIos(),
        "huawei-vrp" => HuaweiVrp(),
        "juniper" => Juniper(),
        "bgp" => Bgp(),
        "hosts" => Hosts(),
        _ => throw new ArgumentException($"no check for {format}", nameof(format)),
    };

    private const string Address = @"(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}";
    private const string Mask = @"(255|254|252|248|240|224|192|128|0)(\.(255|254|252|248|240|224|192|128|0)){3}";

    [GeneratedRegex($"^ip route {Address} {Mask} ({Address}|<next-hop>) name [A-Za-z0-9-]{{1,35}}$")]
    private static partial Regex CiscoIos();

    [GeneratedRegex($"^ip route-static {Address} {Mask} ({Address}|<next-hop>) description [A-Za-z0-9-]{{1,35}}$")]
    private static partial Regex HuaweiVrp();

    [GeneratedRegex($"^set routing-options static route {Address}/([12]?\\d|3[0-2]) next-hop ({Address}|<next-hop>)$")]
    private static partial Regex Juniper();

    [GeneratedRegex($"^ip prefix-list ACR-REACH-(ACCEPT|ADVERTISE) seq \\d+ permit {Address}/([12]?\\d|3[0-2])$")]
    private static partial Regex Bgp();

    [GeneratedRegex($"^{Address} [a-z0-9-]+(\\.[a-z0-9-]+)+$")]
    private static partial Regex Hosts();
}
