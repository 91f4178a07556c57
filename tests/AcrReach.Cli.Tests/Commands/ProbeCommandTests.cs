using System.Globalization;
using System.Net;
using System.Text.Json;
using AcrReach.Cli.Tests.Support;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Tests.Commands;

/// <summary>
/// <c>acr-reach probe</c> against a real registry on this machine (Debian's docker-registry behind TLS with token auth),
/// the names pointed at it by a dnsmasq the test controls: everything passes when routed and resolved, and each failure
/// is named exactly.
/// </summary>
public class ProbeCommandTests
{
    private const string Registry = "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com";
    private const string Auth = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";
    private const string OssZone = "oss-cn-hangzhou-internal.aliyuncs.com";
    private const string Oss = "acr-reach-probe." + OssZone;
    private const string Service = "registry.aliyuncs.com:cn-hangzhou:26842";

    private static readonly string[] CertificateNames = [Registry, Auth, "dockerauth.cn-hangzhou.aliyuncs.com", "*." + OssZone];

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task Every_check_passes_when_the_names_resolve_and_the_registry_answers()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything());

        var run = await Probe(registry, resolver);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = Lines(run);
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("PASS", l, StringComparison.Ordinal));
        Assert.Matches($"^PASS +resolve +{Registry} +127\\.0\\.0\\.1 +\\d+ ms +via resolver 127\\.0\\.0\\.1:{resolver.Port}$", lines[0]);
        Assert.Matches($"^PASS +resolve +{Oss} +127\\.0\\.0\\.3 ", lines[2]);
        Assert.Matches($"^PASS +tcp +{Auth}:{registry.Port} +127\\.0\\.0\\.2 +\\d+ ms +connected$", lines[4]);
        Assert.Matches($"^PASS +challenge +https://{Registry}:{registry.Port}/v2/ +127\\.0\\.0\\.1 +\\d+ ms +401 Bearer realm=https://{Auth}:{registry.Port}/token service={Service}$", lines[6]);
        Assert.Matches($"^PASS +token +https://{Auth}:{registry.Port}/token\\?service=registry\\.aliyuncs\\.com%3Acn-hangzhou%3A26842 +127\\.0\\.0\\.2 +\\d+ ms +401: an authentication error, so the auth service answered$", lines[7]);
        Assert.Equal("cri-xxxxxx: all 8 checks passed", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Contains(registry.Requests, r => r.StartsWith("GET /token?service=registry.aliyuncs.com%3Acn-hangzhou%3A26842 ", StringComparison.Ordinal));
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task With_an_endpoint_the_registry_is_read_from_the_cloud_and_every_check_passes()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything());
        await using var cloud = await LocalCloudServer.StartAsync(InputFiles.ReadScenario(CliRun.Scenario("datacenter-vbr")), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });

        var run = await CliRun.Invoke(
            "probe", "--registry", "cri-xxxxxx", "--endpoint", cloud.Endpoint.ToString(),
            "--resolver", $"127.0.0.1:{resolver.Port}", "--port", registry.Port.ToString(CultureInfo.InvariantCulture), "--ca-file", registry.CaFile, "--timeout", "3");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = Lines(run);
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("PASS", l, StringComparison.Ordinal));
        Assert.Matches($"^PASS +resolve +{Registry} +127\\.0\\.0\\.1 ", lines[0]);
        Assert.Equal("cri-xxxxxx: all 8 checks passed", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Contains(cloud.Calls(), c => c.Key.StartsWith("ListInstance", StringComparison.Ordinal) && c.Value > 0);
    }

    [Fact]
    public async Task An_unknown_registry_in_the_cloud_is_bad_input_in_one_line()
    {
        await using var cloud = await LocalCloudServer.StartAsync(InputFiles.ReadScenario(CliRun.Scenario("datacenter-vbr")), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });

        var run = await CliRun.Invoke("probe", "--registry", "cri-nope", "--endpoint", cloud.Endpoint.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("--registry: $: no registry instance 'cri-nope' (instances: cri-xxxxxx)", run.ErrorLines[^1]);
        Assert.All(run.ErrorLines[..^1], l => Assert.StartsWith("no Alibaba Cloud credentials in the usual chain; using the local cloud's default key", l, StringComparison.Ordinal));
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task A_name_the_resolver_does_not_know_fails_its_resolve_and_everything_that_needs_it()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything().Where(r => r.Name != Auth));

        var run = await Probe(registry, resolver);

        Assert.Equal(2, run.ExitCode);
        var failed = Lines(run).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Matches($"^FAIL +resolve +{Auth} +- +\\d+ ms +(NXDOMAIN \\(no such name\\)|REFUSED) \\(via resolver 127\\.0\\.0\\.1:{resolver.Port}\\)$", failed[0]);
        Assert.Matches($"^FAIL +tcp +{Auth}:{registry.Port} +- +0 ms +not tried: the name did not resolve$", failed[1]);
        Assert.Matches($"^FAIL +token +https://{Auth}:{registry.Port}/token\\?service=\\S+ +- +0 ms +not tried: the realm's host did not resolve$", failed[2]);
        Assert.Equal("cri-xxxxxx: 3 of 8 checks failed", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task A_closed_port_fails_the_tcp_check_of_that_address_only()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything().Select(r => r.Name == "*." + OssZone ? (r.Name, IPAddress.Parse("127.0.0.4")) : r));

        var run = await Probe(registry, resolver);

        Assert.Equal(2, run.ExitCode);
        var failed = Assert.Single(Lines(run), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Matches($"^FAIL +tcp +{Oss}:{registry.Port} +127\\.0\\.0\\.4 +\\d+ ms +connection refused$", failed);
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task A_challenge_naming_a_realm_off_the_private_path_is_a_wrong_realm()
    {
        await using var registry = await TestRegistry.StartAsync("dockerauth.cn-hangzhou.aliyuncs.com", Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything());

        var run = await Probe(registry, resolver);

        Assert.Equal(2, run.ExitCode);
        var failed = Lines(run).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Matches($"^FAIL +challenge +https://{Registry}:{registry.Port}/v2/ +127\\.0\\.0\\.1 +\\d+ ms +wrong realm: https://dockerauth\\.cn-hangzhou\\.aliyuncs\\.com:{registry.Port}/token names host dockerauth\\.cn-hangzhou\\.aliyuncs\\.com, not one this network resolves for cri-xxxxxx \\({Auth}, dockerauth-ee-vpc\\.cn-hangzhou\\.aliyuncs\\.com, {Registry}\\); docker login would leave the private path$", failed[0]);
        Assert.Matches("^FAIL +token +\\(realm\\) +- +0 ms +not tried: no usable challenge$", failed[1]);
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils")]
    public async Task Json_output_has_one_entry_per_check_with_address_time_and_verdict()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything());

        var run = await Probe(registry, resolver, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("cri-xxxxxx", report.GetProperty("registry").GetString());
        Assert.True(report.GetProperty("passed").GetBoolean());
        var checks = report.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["resolve", "resolve", "resolve", "tcp", "tcp", "tcp", "challenge", "token"], checks.Select(c => c.GetProperty("check").GetString()));
        Assert.Equal("127.0.0.2", checks[1].GetProperty("address").GetString());
        Assert.All(checks, c => Assert.True(c.GetProperty("milliseconds").GetInt64() >= 0));
    }

    [Fact]
    public async Task An_unknown_registry_is_bad_input_in_one_line()
    {
        var run = await CliRun.Invoke("probe", "--registry", "cri-nope", "--scenario", CliRun.Scenario("datacenter-vbr"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("--registry: $: no registry instance 'cri-nope' (instances: cri-xxxxxx)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_resolver_that_is_not_an_address_is_bad_input_in_one_line()
    {
        var run = await CliRun.Invoke("probe", "--registry", "cri-xxxxxx", "--scenario", CliRun.Scenario("datacenter-vbr"), "--resolver", "dns.example");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("--resolver: $: 'dns.example' is not an IPv4 address with an optional :PORT", Assert.Single(run.ErrorLines));
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils", "nslookup:bind9-dnsutils", "curl:curl")]
    public async Task The_probe_script_runs_the_same_checks_with_curl_and_nslookup()
    {
        await using var registry = await TestRegistry.StartAsync(Auth, Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything());
        var directory = OnPremCommandTests.Temp();
        var generated = await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--format", "probe-script", "--out", directory);
        Assert.Equal(0, generated.ExitCode);
        var script = Directory.GetFiles(directory).Single();

        var (exitCode, output) = await RunScript(script, registry, resolver);

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        Assert.All(lines[..8], l => Assert.StartsWith("PASS", l, StringComparison.Ordinal));
        Assert.Matches($"^PASS  resolve  {Registry}  127\\.0\\.0\\.1  \\d+ ms  via resolver 127\\.0\\.0\\.1:{resolver.Port} \\(the plan says 10\\.94\\.205\\.198\\)$", lines[0]);
        Assert.Matches($"^PASS  challenge  https://{Registry}:{registry.Port}/v2/  127\\.0\\.0\\.1  \\d+ ms  401 Bearer realm=https://{Auth}:{registry.Port}/token service={Service}$", lines[6]);
        Assert.Matches($"^PASS  token  https://{Auth}:{registry.Port}/token  127\\.0\\.0\\.2  \\d+ ms  401: an authentication error, so the auth service answered$", lines[7]);
        Assert.Equal("all 8 checks passed", lines[8]);
    }

    [ToolFact("docker-registry:docker-registry", "dnsmasq:dnsmasq", "dig:bind9-dnsutils", "nslookup:bind9-dnsutils", "curl:curl")]
    public async Task The_probe_script_names_a_missing_name_a_closed_port_and_a_wrong_realm()
    {
        await using var registry = await TestRegistry.StartAsync("dockerauth.cn-hangzhou.aliyuncs.com", Service, CertificateNames);
        var resolver = await registry.ResolveAsync(Everything().Where(r => r.Name != Auth).Select(r => r.Name == "*." + OssZone ? (r.Name, IPAddress.Parse("127.0.0.4")) : r));
        var directory = OnPremCommandTests.Temp();
        await CliRun.Invoke("onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-sh", "--format", "probe-script", "--out", directory);

        var (exitCode, output) = await RunScript(Directory.GetFiles(directory).Single(), registry, resolver);

        Assert.Equal(2, exitCode);
        var failed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, failed.Count);
        Assert.Matches($"^FAIL  resolve  {Auth}  -  \\d+ ms  no address \\(via resolver 127\\.0\\.0\\.1:{resolver.Port}\\)$", failed[0]);
        Assert.Matches($"^FAIL  tcp  {Auth}:{registry.Port}  -  \\d+ ms  not tried: the name did not resolve$", failed[1]);
        Assert.Matches($"^FAIL  tcp  {Oss}:{registry.Port}  127\\.0\\.0\\.4  \\d+ ms  could not connect$", failed[2]);
        Assert.Matches($"^FAIL  challenge  https://{Registry}:{registry.Port}/v2/  127\\.0\\.0\\.1  \\d+ ms  wrong realm: https://dockerauth\\.cn-hangzhou\\.aliyuncs\\.com:{registry.Port}/token names host dockerauth\\.cn-hangzhou\\.aliyuncs\\.com, not one this network resolves", failed[3]);
        Assert.Matches("^FAIL  token  \\(realm\\)  -  \\d+ ms  not tried: no usable challenge$", failed[4]);
    }

    private static Task<(int ExitCode, string Output)> RunScript(string script, TestRegistry registry, DnsServer resolver) =>
        DebianTools.RunAsync("/bin/sh", [script], TimeSpan.FromSeconds(60), environment: new Dictionary<string, string>
        {
            ["RESOLVER"] = "127.0.0.1",
            ["RESOLVER_PORT"] = resolver.Port.ToString(CultureInfo.InvariantCulture),
            ["PORT"] = registry.Port.ToString(CultureInfo.InvariantCulture),
            ["CA_FILE"] = registry.CaFile,
            ["TIMEOUT"] = "3",
        });

    private static IEnumerable<(string Name, IPAddress Address)> Everything() =>
    [
        (Registry, TestRegistry.RegistryAddress),
        (Auth, TestRegistry.AuthAddress),
        ("dockerauth.cn-hangzhou.aliyuncs.com", TestRegistry.AuthAddress),
        ("*." + OssZone, TestRegistry.OssAddress),
    ];

    private static Task<CliRun> Probe(TestRegistry registry, DnsServer resolver, params string[] more) =>
        CliRun.Invoke([
            "probe", "--registry", "cri-xxxxxx", "--scenario", CliRun.Scenario("datacenter-vbr"),
            "--resolver", $"127.0.0.1:{resolver.Port}", "--port", registry.Port.ToString(CultureInfo.InvariantCulture), "--ca-file", registry.CaFile, "--timeout", "3",
            .. more]);

    private static List<string> Lines(CliRun run) =>
        [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("PASS", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal))];
}
