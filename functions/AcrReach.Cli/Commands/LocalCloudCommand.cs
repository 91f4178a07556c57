using System.CommandLine;
using System.Globalization;
using AcrReach.Core;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>acr-reach local-cloud --scenario FILE ...</c>: serves every API AcrReach uses on one loopback port, seeded from
/// the scenario, until Ctrl+C or SIGTERM. Prints <c>listening on http://127.0.0.1:N</c> once ready (a contract).
/// </summary>
internal static class LocalCloudCommand
{
    private const string Description = "Serve VPC, CBN, CR, PrivateZone and MNS from a scenario on one loopback port.";

    /// <summary>Printed after <c>local-cloud --help</c> (not in the root's command list).</summary>
    internal const string ControlHelp = """
        Control endpoints on the same port (unsigned; functions/AcrReach.LocalCloud/README.md has them all):
          GET /_local/state              the current state as a scenario document (acr-reach plan --scenario reads it)
          GET /_local/policy             the scenario's dataCenters, policy and ossVipRanges, as a --policy file
          GET /_local/queues/NAME        the messages received on an MNS queue (body and decodedBody)
          GET /_local/calls              calls per API action; DELETE resets the counts
          POST /_local/faults            the next calls of an action fail, body
                                         {"action": "CreateRouteEntry" or "*", "count": 2, "code": "TaskConflict", "httpStatus": 400}
                                         (optional "message", "retryAfterMs"); GET lists, DELETE clears them
          PUT /_local/resolve            what a name resolves to inside a region, body
                                         {"region": "cn-hangzhou", "name": "oss-cn-hangzhou-internal.aliyuncs.com", "address": "100.118.28.99"}
                                         (address null removes the name); GET ?region=R&name=N reads it
        Clients sign with --access-key-id / --access-key-secret (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET for acr-reach apply and
        sweep, which fall back to the defaults above against a loopback --endpoint when the credential chain is empty).
        """;

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

        var command = new Command("local-cloud", Description)
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
                server = await LocalCloudServer.StartAsync(InputFiles.ReadScenario(parse.GetValue(scenario)!.FullName), options, cancellationToken);
            }
            catch (InvalidInputException e)
            {
                await error.WriteLineAsync(e.Message.ReplaceLineEndings(" "));
                return ExitCodes.BadInput;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"--port: cannot listen on 127.0.0.1:{options.Port}: {e.Message.ReplaceLineEndings(" ")}");
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
