using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AcrReach.Cli.Tests.Support;

/// <summary>dnsmasq or unbound serving one generated configuration on a loopback port, asked with dig.</summary>
internal sealed class DnsServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dig;

    private DnsServer(Process process, int port, string dig)
    {
        _process = process;
        Port = port;
        _dig = dig;
    }

    public int Port { get; }

    // A DNS server listens on UDP and TCP; a port found free for one can be taken for the other, or by a parallel test
    // between the probe and the start: start again on another port.
    public static async Task<DnsServer> StartAsync(string format, string configuration, IEnumerable<string>? extra = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(format, configuration, extra);
            }
            catch (InvalidOperationException e) when (attempt < 4 && e.Message.Contains("in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<DnsServer> StartOnceAsync(string format, string configuration, IEnumerable<string>? extra)
    {
        var dig = await DebianTools.RequireAsync("dig", "bind9-dnsutils");
        var port = FreeUdpPort();
        ProcessStartInfo start;
        if (format == "dnsmasq")
        {
            start = new ProcessStartInfo(await DebianTools.RequireAsync("dnsmasq", "dnsmasq"));
            foreach (var argument in new[] { "--keep-in-foreground", "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1", $"--port={port}", "--pid-file=", "--user=root", "--conf-file=" + configuration }.Concat(extra ?? []))
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            var wrapper = configuration + ".run.conf";
            File.WriteAllText(wrapper, File.ReadAllText(configuration)
                + $"    interface: 127.0.0.1\n    port: {port}\n    chroot: \"\"\n    username: \"\"\n    do-daemonize: no\n    use-syslog: no\n    directory: \"{Path.GetDirectoryName(configuration)}\"\n    pidfile: \"\"\n    do-not-query-localhost: yes\n");
            start = new ProcessStartInfo(await DebianTools.RequireAsync("unbound", "unbound")) { ArgumentList = { "-c", wrapper } };
        }

        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var process = Process.Start(start)!;
        var server = new DnsServer(process, port, dig);
        for (var i = 0; i < 50 && !process.HasExited; i++)
        {
            if (await server.AnswersAsync())
            {
                return server;
            }

            await Task.Delay(100);
        }

        var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in 5 s";
        await server.DisposeAsync();
        throw new InvalidOperationException($"{format} did not start: {error}");
    }

    /// <summary>The first A record dig gets for <paramref name="name"/>, or null.</summary>
    public async Task<string?> ResolveAsync(string name)
    {
        var (_, output) = await DebianTools.RunAsync(_dig, ["+short", "+tries=1", "+time=2", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "@127.0.0.1", name, "A"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => IPAddress.TryParse(l, out _));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        var (_, output) = await DebianTools.RunAsync(_dig, ["+tries=1", "+time=1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "@127.0.0.1", "acr-reach-startup.invalid", "A"]);
        return output.Contains("status:", StringComparison.Ordinal);
    }

    /// <summary>A loopback port free for UDP and for TCP at the moment of asking.</summary>
    internal static int FreeUdpPort()
    {
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
