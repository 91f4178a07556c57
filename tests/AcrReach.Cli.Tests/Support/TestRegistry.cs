using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AcrReach.Cli.Tests.Support;

/// <summary>
/// A real registry on loopback for the probe: Debian's docker-registry (the CNCF distribution registry) behind TLS
/// with token auth, at 127.0.0.1; a token realm at 127.0.0.2 that answers like an auth service; a TLS listener for OSS
/// at 127.0.0.3; all on one port, with a certificate from a CA made here; and dnsmasq on another loopback port
/// pointing the names wherever a test says.
/// </summary>
internal sealed class TestRegistry : IAsyncDisposable
{
    public static readonly IPAddress RegistryAddress = IPAddress.Parse("127.0.0.1");
    public static readonly IPAddress AuthAddress = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress OssAddress = IPAddress.Parse("127.0.0.3");

    private readonly List<IAsyncDisposable> _parts = [];
    private readonly CancellationTokenSource _stop = new();

    private TestRegistry(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public DnsServer? Resolver { get; private set; }

    /// <summary>Starts the registry with <paramref name="realm"/> in its challenge (a URL without port gets the test port).</summary>
    public static async Task<TestRegistry> StartAsync(string realmHost, string service, IEnumerable<string> certificateNames)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"acr-reach-probe-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var port = FreeTcpPort();
        var rig = new TestRegistry(directory, port);
        try
        {
            var certificate = rig.WriteCertificates(certificateNames);
            await rig.StartRegistryAsync($"https://{realmHost}:{port}/token", service);
            rig.StartTls(certificate, AuthAddress);
            rig.StartTls(certificate, OssAddress);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>(Re)starts dnsmasq answering each name (a leading "*." for a whole zone) with its address.</summary>
    public async Task<DnsServer> ResolveAsync(IEnumerable<(string Name, IPAddress Address)> records)
    {
        if (Resolver is not null)
        {
            await Resolver.DisposeAsync();
        }

        var empty = Path.Combine(Directory, "dnsmasq-empty.conf");
        File.WriteAllText(empty, string.Empty);
        Resolver = await DnsServer.StartAsync("dnsmasq", empty, records.Select(r => r.Name.StartsWith("*.", StringComparison.Ordinal)
            ? $"--address=/{r.Name[2..]}/{r.Address}"
            : $"--host-record={r.Name},{r.Address}"));
        return Resolver;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Resolver is not null)
        {
            await Resolver.DisposeAsync();
        }

        foreach (var part in Enumerable.Reverse(_parts))
        {
            await part.DisposeAsync();
        }

        _stop.Dispose();
    }

    private X509Certificate2 WriteCertificates(IEnumerable<string> names)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=acr-reach test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=acr-reach test registry", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        var certificate = issued.CopyWithPrivateKey(key);

        File.WriteAllText(CaFile, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Directory, "server.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Directory, "server.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(Directory, "token-ca.pem"), ca.ExportCertificatePem());

        // SslStream on Linux wants a certificate whose key it can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private async Task StartRegistryAsync(string realm, string service)
    {
        var config = Path.Combine(Directory, "registry.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(Directory, "data")}
            http:
              addr: {RegistryAddress}:{Port}
              tls:
                certificate: {Path.Combine(Directory, "server.pem")}
                key: {Path.Combine(Directory, "server.key")}
            auth:
              token:
                realm: {realm}
                service: {service}
                issuer: acr-reach-test
                rootcertbundle: {Path.Combine(Directory, "token-ca.pem")}
            """);
        var registry = await DebianTools.RequireAsync("docker-registry", "docker-registry");
        var process = Process.Start(new ProcessStartInfo(registry) { ArgumentList = { "serve", config }, RedirectStandardError = true, RedirectStandardOutput = true })!;
        _parts.Add(new Stopping(process));
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(RegistryAddress, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("docker-registry did not listen in 10 s");
    }

    /// <summary>
    /// The realm (and OSS, which speaks TLS on 443 too): answers every request 401 with a token error, as an auth
    /// service does for a refused request.
    /// </summary>
    private void StartTls(X509Certificate2 certificate, IPAddress address)
    {
        var listener = new TcpListener(address, Port);
        listener.Start();
        _parts.Add(new Stopping(listener));
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await using var tls = new SslStream(client.GetStream());
                            await tls.AuthenticateAsServerAsync(certificate);
                            var buffer = new byte[4096];
                            var read = await tls.ReadAsync(buffer);
                            Requests.Add(Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0]);
                            const string body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";
                            await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
                        }
                        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                        {
                        }
                    }
                });
            }
        });
    }

    /// <summary>The request lines the realm received.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Requests { get; } = [];

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Stopping(object part) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            switch (part)
            {
                case Process process:
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        await process.WaitForExitAsync();
                    }

                    process.Dispose();
                    break;
                case TcpListener listener:
                    listener.Stop();
                    break;
            }
        }
    }
}
