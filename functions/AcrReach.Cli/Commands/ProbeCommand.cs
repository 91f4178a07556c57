using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcrReach.Cli.Output;
using AcrReach.Cli.Probe;
using AcrReach.Core;
using AcrReach.Core.Endpoints;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>probe --registry INSTANCE-ID [--scenario FILE | --endpoint URL] [--resolver IP[:PORT]] [--ca-file PEM]</c>: run
/// where a client will pull; one line per check (what, name, address, time, pass/fail). Exit 0 only when every check
/// passes, 2 when one fails, 1 on bad input.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var registry = new Option<string>("--registry") { Description = "The registry instance id (cri-...).", Required = true };
        var resolver = new Option<string?>("--resolver") { Description = "Ask this DNS server (IP[:PORT]) instead of this machine's resolver: the one the clients here will use." };
        var port = new Option<int>("--port") { Description = "The TCP port of the endpoints (443; another only for a test registry).", DefaultValueFactory = _ => 443 };
        var caFile = new Option<string?>("--ca-file") { Description = "Also trust the CA certificates in this PEM file (a test registry, or a TLS-inspecting proxy)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each check may take.", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--output") { Description = "text (one line per check) or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("probe", "From where it runs: the registry's names resolve, TCP opens to each address, /v2/ challenges and the realm answers.")
        {
            registry,
            resolver,
            port,
            caFile,
            timeout,
            output,
        };
        var source = new PlanSource(command);
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, async writer =>
        {
            var format = parse.GetValue(output)!;
            if (format is not ("text" or "json"))
            {
                throw new InvalidInputException("--output", "$", $"'{format}' is not an output; use text or json");
            }

            var options = new ProbeOptions(
                Resolver(parse.GetValue(resolver)),
                parse.GetValue(port) is var p and > 0 and < 65536 ? p : throw new InvalidInputException("--port", "$", $"{parse.GetValue(port)} is not a TCP port"),
                Cas(parse.GetValue(caFile)),
                TimeSpan.FromSeconds(parse.GetValue(timeout) is var t and > 0 and <= 300 ? t : throw new InvalidInputException("--timeout", "$", $"{parse.GetValue(timeout)} is not a number of seconds from 1 to 300")));
            var (account, _) = await source.LoadAsync(parse, parse.InvocationConfiguration.Error, cancellationToken);
            var id = parse.GetValue(registry)!;
            var instance = account.FindRegistry(id)
                ?? throw new InvalidInputException("--registry", "$", $"no registry instance '{id}' (instances: {(account.Registries.IsEmpty ? "none" : string.Join(", ", account.Registries.Select(r => r.InstanceId)))})");
            var report = await new RegistryProbe(ProbeTargets.For(instance), options).RunAsync(cancellationToken);
            if (format == "json")
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(report, ProbeJsonContext.Default.ProbeReport));
            }
            else
            {
                Write(report, writer);
            }

            return report.Passed ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return command;
    }

    private static void Write(ProbeReport report, TextWriter writer)
    {
        var table = new Core.Rendering.TextTable(string.Empty);
        foreach (var check in report.Checks)
        {
            table.Add(check.Passed ? "PASS" : "FAIL", check.Check, check.Target, check.Address ?? "-", $"{check.Milliseconds} ms", check.Detail);
        }

        table.WriteTo(writer);
        var failed = report.Checks.Count(c => !c.Passed);
        writer.WriteLine(failed == 0
            ? $"{report.Registry}: all {report.Checks.Length} checks passed"
            : $"{report.Registry}: {failed} of {report.Checks.Length} checks failed");
    }

    private static IPEndPoint? Resolver(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
        }

        throw new InvalidInputException("--resolver", "$", $"'{text}' is not an IPv4 address with an optional :PORT");
    }

    private static X509Certificate2Collection? Cas(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidInputException(file, "$", $"not a readable PEM file of certificates: {e.Message}");
        }

        return cas.Count > 0 ? cas : throw new InvalidInputException(file, "$", "holds no PEM certificate");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProbeReport))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
