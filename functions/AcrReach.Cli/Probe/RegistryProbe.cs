using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AcrReach.Core.Endpoints;

namespace AcrReach.Cli.Probe;

/// <summary>One check of a probe: what was checked, against which name and address, how long it took, and the verdict.</summary>
internal sealed record ProbeCheck(
    [property: JsonPropertyOrder(0)] string Check,
    [property: JsonPropertyOrder(1)] string Target,
    [property: JsonPropertyOrder(2)] string? Address,
    [property: JsonPropertyOrder(3)] long Milliseconds,
    [property: JsonPropertyOrder(4)] bool Passed,
    [property: JsonPropertyOrder(5)] string Detail);

internal sealed record ProbeReport(
    [property: JsonPropertyOrder(0)] string Registry,
    [property: JsonPropertyOrder(1)] bool Passed,
    [property: JsonPropertyOrder(2)] ImmutableArray<ProbeCheck> Checks);

/// <summary>How the probe reaches out: the resolver to ask (null: this machine's), the port, the CAs to trust besides the system's.</summary>
internal sealed record ProbeOptions(IPEndPoint? Resolver, int Port, X509Certificate2Collection? TrustedCas, TimeSpan Timeout);

/// <summary>
/// Proves from where it runs that a registry is reachable the way a pull needs it: each name resolves, TCP opens to
/// each address, <c>GET /v2/</c> answers with a Bearer challenge whose realm is a host this network can reach, and
/// the realm answers a token request (an authentication error counts: the service answered). The distribution
/// registry's token flow is modelled on distribution/distribution docs/spec/auth/token.md.
/// </summary>
internal sealed partial class RegistryProbe(ProbeTargets targets, ProbeOptions options)
{
    private readonly Dictionary<string, IPAddress> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ProbeCheck> _checks = [];

    public async Task<ProbeReport> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var name in targets.Names)
        {
            await ResolveAsync(name, cancellationToken);
        }

        foreach (var name in targets.Names)
        {
            await ConnectAsync(name, cancellationToken);
        }

        var challenge = await ChallengeAsync(cancellationToken);
        if (challenge is var (realm, service))
        {
            await TokenAsync(realm, service, cancellationToken);
        }
        else
        {
            _checks.Add(new ProbeCheck("token", "(realm)", null, 0, false, "not tried: no usable challenge"));
        }

        return new ProbeReport(targets.InstanceId, _checks.All(c => c.Passed), [.. _checks]);
    }

    private async Task<IPAddress?> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<IPAddress> addresses;
        string? problem;
        if (options.Resolver is { } resolver)
        {
            (addresses, problem) = await DnsQuery.ResolveAsync(resolver, name, options.Timeout, cancellationToken);
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(name, AddressFamily.InterNetwork, cancellationToken);
                problem = addresses.Count == 0 ? "no A record" : null;
            }
            catch (SocketException e)
            {
                (addresses, problem) = ([], e.SocketErrorCode == SocketError.HostNotFound ? "no such name" : e.SocketErrorCode.ToString());
            }
        }

        var address = addresses.FirstOrDefault();
        var via = options.Resolver is null ? "this machine's resolver" : $"resolver {options.Resolver}";
        _checks.Add(new ProbeCheck("resolve", name, address?.ToString(), clock.ElapsedMilliseconds, address is not null,
            address is not null ? $"via {via}" : $"{problem} (via {via})"));
        if (address is not null)
        {
            _resolved[name] = address;
        }

        return address;
    }

    private async Task ConnectAsync(string name, CancellationToken cancellationToken)
    {
        if (!_resolved.TryGetValue(name, out var address))
        {
            _checks.Add(new ProbeCheck("tcp", $"{name}:{options.Port}", null, 0, false, "not tried: the name did not resolve"));
            return;
        }

        var clock = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, options.Port), deadline.Token);
            _checks.Add(new ProbeCheck("tcp", $"{name}:{options.Port}", address.ToString(), clock.ElapsedMilliseconds, true, "connected"));
        }
        catch (SocketException e)
        {
            _checks.Add(new ProbeCheck("tcp", $"{name}:{options.Port}", address.ToString(), clock.ElapsedMilliseconds, false, e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.SocketErrorCode.ToString()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _checks.Add(new ProbeCheck("tcp", $"{name}:{options.Port}", address.ToString(), clock.ElapsedMilliseconds, false, $"no answer in {options.Timeout.TotalSeconds:0} s (dropped on the way: a route or a security group)"));
        }
    }

    private async Task<(Uri Realm, string Service)?> ChallengeAsync(CancellationToken cancellationToken)
    {
        var url = new UriBuilder(Uri.UriSchemeHttps, targets.RegistryName, options.Port, "/v2/").Uri;
        if (!_resolved.TryGetValue(targets.RegistryName, out var address))
        {
            _checks.Add(new ProbeCheck("challenge", url.ToString(), null, 0, false, "not tried: the registry name did not resolve"));
            return null;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var client = Client();
            using var response = await client.GetAsync(url, cancellationToken);
            var bearer = response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
            if (response.StatusCode != HttpStatusCode.Unauthorized || bearer?.Parameter is null)
            {
                return Fail($"answered {(int)response.StatusCode} without a Bearer challenge; a registry answers 401 with one");
            }

            var parameters = Parameters(bearer.Parameter);
            var realmText = parameters.GetValueOrDefault("realm");
            var service = parameters.GetValueOrDefault("service");
            if (!Uri.TryCreate(realmText, UriKind.Absolute, out var realm) || realm.Scheme != Uri.UriSchemeHttps)
            {
                return Fail($"the challenge's realm '{realmText}' is not an https URL");
            }

            if (!targets.RealmHosts.Contains(realm.Host, StringComparer.OrdinalIgnoreCase))
            {
                return Fail($"wrong realm: {realm} names host {realm.Host}, not one this network resolves for {targets.InstanceId} ({string.Join(", ", targets.RealmHosts)}); docker login would leave the private path");
            }

            if (string.IsNullOrEmpty(service))
            {
                return Fail($"the challenge (realm {realm}) names no service");
            }

            _checks.Add(new ProbeCheck("challenge", url.ToString(), address.ToString(), clock.ElapsedMilliseconds, true, $"401 Bearer realm={realm} service={service}"));
            return (realm, service);
        }
        catch (HttpRequestException e)
        {
            return Fail(Describe(e));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"no answer in {options.Timeout.TotalSeconds:0} s");
        }

        (Uri, string)? Fail(string detail)
        {
            _checks.Add(new ProbeCheck("challenge", url.ToString(), address.ToString(), clock.ElapsedMilliseconds, false, detail));
            return null;
        }
    }

    private async Task TokenAsync(Uri realm, string service, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(realm) { Query = $"service={Uri.EscapeDataString(service)}" }.Uri;
        var address = _resolved.TryGetValue(realm.Host, out var known) ? known
            : targets.Names.Contains(realm.Host, StringComparer.OrdinalIgnoreCase) ? null
            : await ResolveAsync(realm.Host, cancellationToken);
        if (address is null)
        {
            _checks.Add(new ProbeCheck("token", url.ToString(), null, 0, false, "not tried: the realm's host did not resolve"));
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var client = Client();
            using var response = await client.GetAsync(url, cancellationToken);
            var status = (int)response.StatusCode;
            var (passed, detail) = response.StatusCode switch
            {
                HttpStatusCode.OK => (true, "200: an anonymous token was issued"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (true, $"{status}: an authentication error, so the auth service answered"),
                _ => (false, $"{status}: the realm did not answer as an auth service (200, 401 or 403)"),
            };
            _checks.Add(new ProbeCheck("token", url.ToString(), address.ToString(), clock.ElapsedMilliseconds, passed, detail));
        }
        catch (HttpRequestException e)
        {
            _checks.Add(new ProbeCheck("token", url.ToString(), address.ToString(), clock.ElapsedMilliseconds, false, Describe(e)));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _checks.Add(new ProbeCheck("token", url.ToString(), address.ToString(), clock.ElapsedMilliseconds, false, $"no answer in {options.Timeout.TotalSeconds:0} s"));
        }
    }

    /// <summary>An HTTP client that connects to the addresses the probe resolved (the chosen resolver's, not this machine's) and checks TLS against the given CAs too.</summary>
    private HttpClient Client()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = options.Timeout,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var address = _resolved.GetValueOrDefault(host) ?? throw new HttpRequestException($"{host} did not resolve");
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (options.TrustedCas is { Count: > 0 } cas)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, cas);
        }

        return new HttpClient(handler) { Timeout = options.Timeout };
    }

    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection cas)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    private static Dictionary<string, string> Parameters(string challenge) =>
        ChallengeParameter().Matches(challenge).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value, StringComparer.Ordinal);

    [GeneratedRegex("([A-Za-z]+)=\"([^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}
