using System.CommandLine;
using System.Globalization;
using AcrReach.Core;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>acr-reach local-cloud --scenario FILE ...</c>: serves every API AcrReach uses on one loopback port, seeded from
/// the scenario, until Ctrl+C or SIGTERM. Prints <c>listening on http://127.0.0.1:N</c> once ready (a contract).
/// </summary>
internal static class LocalCloudCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "The scenario the local cloud is seeded from.", Required = true };
        var port = new Option<int>("--port") { Description = "Loopback port; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var accessKeyId = new Option<string>("--access-key-id") { Description = "The access key id accepted.", DefaultValueFactory = _ => LocalCloudOptions.DefaultAccessKeyId };
        var accessKeySecret = new Option<string>("--access-key-secret") { Description = "The access key secret signatures are checked with.", DefaultValueFactory = _ => LocalCloudOptions.DefaultAccessKeySecret };
        var queue = new Option<string>("--queue") { Description = "The MNS queue that exists.", DefaultValueFactory = _ => LocalCloudOptions.DefaultQueueName };
        var latency = new Option<int>("--latency-ms") { Description = "Milliseconds added to every answer." };
        var throttleRate = new Option<double>("--throttle-rate") { Description = "Fraction (0..1) of calls answered Throttling.User." };
        var faultRate = new Option<double>("--fault-rate") { Description = "Fraction (0..1) of calls answered ServiceUnavailable or InternalError." };
        var seed = new Option<int>("--seed") { Description = "Seed of the throttle and fault choices.", DefaultValueFactory = _ => 1 };
        var settle = new Option<int>("--settle-ms") { Description = "Milliseconds asynchronous operations take to settle.", DefaultValueFactory = _ => 200 };
        var qps = new Option<string[]>("--qps") { Description = "Per-action QPS limit, Action=N (repeatable; *=N for every action; 0 = unlimited)." };

        var command = new Command("local-cloud", "Serve VPC, CBN, CR, PrivateZone and MNS from a scenario on one loopback port.")
        {
            scenario, port, accessKeyId, accessKeySecret, queue, latency, throttleRate, faultRate, seed, settle, qps,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryParseQps(parse.GetValue(qps) ?? [], out var limits, out var problem)
                || !TryCheck(parse.GetValue(throttleRate), parse.GetValue(faultRate), parse.GetValue(latency), parse.GetValue(port), parse.GetValue(settle), out problem))
            {
                await error.WriteLineAsync($"local-cloud: {problem}");
                return ExitCodes.BadInput;
            }

            var options = new LocalCloudOptions
            {
                Port = parse.GetValue(port),
                AccessKeyId = parse.GetValue(accessKeyId)!,
                AccessKeySecret = parse.GetValue(accessKeySecret)!,
                QueueName = parse.GetValue(queue)!,
                LatencyMs = parse.GetValue(latency),
                ThrottleRate = parse.GetValue(throttleRate),
                FaultRate = parse.GetValue(faultRate),
                Seed = parse.GetValue(seed),
                SettleTime = TimeSpan.FromMilliseconds(parse.GetValue(settle)),
                Qps = limits,
            };

            LocalCloudServer server;
            try
            {
                server = await LocalCloudServer.StartAsync(parse.GetValue(scenario)!.FullName, options, cancellationToken);
            }
            catch (InvalidInputException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.BadInput;
            }

            await using (server)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"listening on http://127.0.0.1:{server.Port}");
                await parse.InvocationConfiguration.Output.FlushAsync(cancellationToken);
                try
                {
                    await server.WaitForShutdownAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TryParseQps(string[] values, out Dictionary<string, int> limits, out string problem)
    {
        limits = new Dictionary<string, int>(StringComparer.Ordinal);
        problem = string.Empty;
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !int.TryParse(value.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                problem = $"--qps '{value}' is not Action=N with N a whole number (0 = unlimited)";
                return false;
            }

            limits[value[..equals]] = limit;
        }

        return true;
    }

    private static bool TryCheck(double throttleRate, double faultRate, int latency, int port, int settle, out string problem)
    {
        problem = throttleRate is < 0 or > 1 ? "--throttle-rate must be between 0 and 1"
            : faultRate is < 0 or > 1 ? "--fault-rate must be between 0 and 1"
            : latency < 0 ? "--latency-ms must not be negative"
            : port is < 0 or > 65535 ? "--port must be between 0 and 65535"
            : settle < 0 ? "--settle-ms must not be negative"
            : string.Empty;
        return problem.Length == 0;
    }
}
