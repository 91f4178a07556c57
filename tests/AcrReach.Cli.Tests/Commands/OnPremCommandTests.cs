using System.Runtime.CompilerServices;
using AcrReach.Cli.Tests.Support;

namespace AcrReach.Cli.Tests.Commands;

/// <summary>
/// <c>acr-reach onprem</c> end to end: every data-center scenario through every format, and the files checked by the
/// real tools where Debian packages them (named-checkzone and named-checkconf, dnsmasq --test, unbound-checkconf,
/// sh -n); dnsmasq and unbound are also started on a loopback port and asked for the names.
/// </summary>
public class OnPremCommandTests
{
    private static readonly string[] Formats = ["cisco-ios", "huawei-vrp", "juniper", "linux", "bgp", "bind", "dnsmasq", "unbound", "hosts", "probe-script"];

    /// <summary>The planner suite's data-center scenarios and the on-premises tests' own.</summary>
    private static string[] DataCenterScenarios() =>
    [
        CliRun.Scenario("datacenter-vbr"),
        CliRun.Scenario("datacenter-vpn"),
        OwnScenario("datacenter-vbr-published-ranges"),
        OwnScenario("datacenter-vbr-two-registries"),
    ];

    public static TheoryData<string, string> EveryScenarioAndFormat() => Cases(Formats);

    public static TheoryData<string, string> EveryScenarioInCoreDns() => Cases(["coredns"]);

    private static TheoryData<string, string> Cases(string[] formats)
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in DataCenterScenarios())
        {
            foreach (var format in formats)
            {
                data.Add(scenario, format);
            }
        }

        return data;
    }

    [ToolTheory("named-checkzone:bind9-utils", "named-checkconf:bind9-utils", "dnsmasq:dnsmasq", "unbound-checkconf:unbound")]
    [MemberData(nameof(EveryScenarioAndFormat))]
    public async Task Every_format_of_every_data_center_scenario_is_accepted_by_its_validator(string scenario, string format)
    {
        await Accepted(scenario, format);
    }

    /// <summary>Debian has no CoreDNS package; where a coredns binary is on PATH it loads the Corefile block.</summary>
    [ToolTheory("coredns:")]
    [MemberData(nameof(EveryScenarioInCoreDns))]
    public async Task The_corefile_block_is_accepted_by_coredns(string scenario, string format)
    {
        await Accepted(scenario, format);
    }

    private static async Task Accepted(string scenario, string format)
    {
        var directory = Temp();
        var run = await CliRun.Invoke("onprem", "--scenario", scenario, "--from", DataCenterOf(scenario), "--format", format, "--out", directory);

        Assert.True(run.ExitCode == 0, run.Error);
        var files = Directory.GetFiles(directory);
        Assert.NotEmpty(files);
        Assert.Equal(files.Select(f => $"wrote {f}").Order(StringComparer.Ordinal), run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        await Validators.CheckAsync(format, directory);
    }

    [ToolTheory("named-checkzone:bind9-utils", "named-checkconf:bind9-utils", "dnsmasq:dnsmasq", "unbound-checkconf:unbound")]
    [InlineData("bind")]
    [InlineData("dnsmasq")]
    [InlineData("unbound")]
    [InlineData("linux")]
    public async Task The_validators_refuse_a_damaged_file(string format)
    {
        var directory = Temp();
        await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--format", format, "--out", directory);
        foreach (var file in Directory.GetFiles(directory))
        {
            File.WriteAllText(file, File.ReadAllText(file)
                .Replace("IN A 100.", "IN A 300.", StringComparison.Ordinal)
                .Replace("host-record=", "host-recrd=", StringComparison.Ordinal)
                .Replace("local-data:", "local-dta:", StringComparison.Ordinal)
                .Replace("ip route add", "if ip route add", StringComparison.Ordinal));
        }

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Validators.CheckAsync(format, directory));
    }

    [ToolTheory("dnsmasq:dnsmasq", "unbound:unbound", "dig:bind9-dnsutils")]
    [InlineData("dnsmasq")]
    [InlineData("unbound")]
    public async Task A_dns_server_running_the_configuration_answers_every_name_and_any_bucket_under_the_wildcard(string format)
    {
        var directory = Temp();
        var run = await CliRun.Invoke("onprem", "--scenario", OwnScenario("datacenter-vbr-two-registries"), "--from", "idc-sh", "--format", format, "--out", directory);
        Assert.Equal(0, run.ExitCode);

        await using var server = await DnsServer.StartAsync(format, Directory.GetFiles(directory).Single());

        Assert.Equal("10.94.205.198", await server.ResolveAsync("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"));
        Assert.Equal("10.94.205.199", await server.ResolveAsync("yyyyyy-registry-vpc.cn-hangzhou.cr.aliyuncs.com"));
        Assert.Equal("100.103.7.181", await server.ResolveAsync("dockerauth-vpc.cn-hangzhou.aliyuncs.com"));
        Assert.Equal("100.118.28.43", await server.ResolveAsync("oss-cn-hangzhou-internal.aliyuncs.com"));
        Assert.Equal("100.118.28.43", await server.ResolveAsync("cri-abc123-registry.oss-cn-hangzhou-internal.aliyuncs.com"));
        Assert.Equal("100.118.28.77", await server.ResolveAsync("team-images.oss-cn-hangzhou-internal.aliyuncs.com"));
    }

    [Fact]
    public async Task Output_to_stdout_is_the_same_text_as_the_file()
    {
        var directory = Temp();
        var scenario = CliRun.Scenario("datacenter-vpn");
        await CliRun.Invoke("onprem", "--scenario", scenario, "--from", "idc-hz", "--format", "unbound", "--out", directory);

        var run = await CliRun.Invoke("onprem", "--scenario", scenario, "--from", "idc-hz", "--format", "unbound");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Directory.GetFiles(directory).Single()), run.Output);
    }

    [Fact]
    public async Task The_header_names_the_same_plan_id_plan_prints()
    {
        var scenario = CliRun.Scenario("datacenter-vbr");
        var plan = await CliRun.Invoke("plan", "--scenario", scenario, "--output", "json");
        var planId = System.Text.Json.JsonDocument.Parse(plan.Output).RootElement.GetProperty("planId").GetString();

        var run = await CliRun.Invoke("onprem", "--scenario", scenario, "--from", "idc-sh", "--format", "cisco-ios", "--next-hop", "192.168.255.1");

        Assert.StartsWith($"! acr-reach plan {planId}: cisco-ios for data center idc-sh\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("ip route 10.94.205.198 255.255.255.255 192.168.255.1 name acr-reach-registry\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_has_no_data_center_and_says_there_is_nothing_to_configure()
    {
        var run = await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--from", "idc-bj", "--format", "bind");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("nothing to configure: account 1234567890123456 has no data centers\n", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task An_unknown_data_center_is_bad_input_in_one_line_naming_the_known_ones()
    {
        var run = await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-nowhere", "--format", "hosts");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("--from: $: no data center 'idc-nowhere' (data centers: idc-sh)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_format_is_bad_input_in_one_line_naming_the_formats()
    {
        var run = await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--format", "mikrotik");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("--format: $: 'mikrotik' is not a format; use one of cisco-ios, huawei-vrp,", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--next-hop", "10.0.0.256")]
    [InlineData("--next-hop", "fe80::1")]
    public async Task A_next_hop_that_is_not_an_ipv4_address_is_bad_input(string option, string value)
    {
        var run = await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--format", "linux", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"--next-hop: $: '{value}' is not an IPv4 address", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Neither_scenario_nor_endpoint_is_bad_input_in_one_line()
    {
        var run = await CliRun.Invoke("onprem", "--from", "idc-sh", "--format", "hosts");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("(arguments): $: give exactly one of --scenario FILE and --endpoint URL", Assert.Single(run.ErrorLines));
    }

    internal static string OwnScenario(string name) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "AcrReach.Core.Tests", "Rendering", "OnPrem", "Scenarios", name + ".json"));

    private static string DataCenterOf(string scenario) => scenario.Contains("datacenter-vpn", StringComparison.Ordinal) ? "idc-hz" : "idc-sh";

    internal static string Temp()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"acr-reach-onprem-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
