using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using AcrReach.Cli.Output;
using System.Collections.Immutable;
using AcrReach.Core;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Topology;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.OnPrem;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>onprem (--scenario FILE | --endpoint URL) --from DC --format F [--next-hop IP] [--out DIR]</c>: what a data
/// center's own router and DNS server need for the plan, ready to paste, rendered from the plan's own records.
/// Exit 0 (also when there is nothing to configure), 1 on bad input (an unknown data center or format: one line),
/// 2 when the plan has an error finding for this data center (the configuration is still printed).
/// </summary>
internal static class OnPremCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The data center (its name in the scenario or policy).", Required = true };
        var format = new Option<string>("--format") { Description = $"One of: {string.Join(", ", OnPremFormats.All)}.", Required = true };
        var nextHop = new Option<string?>("--next-hop") { Description = "Route formats: the router toward the VBR/VPN connection (default: a placeholder to replace)." };
        var outDir = new Option<string?>("--out") { Description = "Write the files into this directory instead of stdout (bind always writes files: here, or the current directory)." };
        var command = new Command("onprem", "Print a data center's router and DNS configuration for the plan, ready to paste.")
        {
            from,
            format,
            nextHop,
            outDir,
        };
        var source = new PlanSource(command);
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, async output =>
        {
            var name = parse.GetValue(format)!;
            if (!OnPremFormats.All.Contains(name))
            {
                throw new InvalidInputException("--format", "$", $"'{name}' is not a format; use one of {string.Join(", ", OnPremFormats.All)}");
            }

            var hop = NextHop(parse.GetValue(nextHop));
            var (account, plan) = await source.LoadAsync(parse, parse.InvocationConfiguration.Error, cancellationToken);
            var dataCenter = parse.GetValue(from)!;
            if (account.DataCenters.IsEmpty)
            {
                await output.WriteLineAsync($"nothing to configure: account {account.AccountId} has no data centers");
                return ExitCodes.Ok;
            }

            if (account.FindDataCenter(dataCenter) is null)
            {
                throw new InvalidInputException("--from", "$", $"no data center '{dataCenter}' (data centers: {string.Join(", ", account.DataCenters.Select(d => d.Name))})");
            }

            var config = DataCenterConfiguration.For(plan, account, dataCenter);
            if (config.IsEmpty)
            {
                await output.WriteLineAsync($"nothing to configure: the plan ({plan.PlanId}) has no route or DNS record for data center {dataCenter} (no reach rule starts there, or each one is ruled out: see acr-reach plan)");
                return ExitCodes.Ok;
            }

            var files = OnPremFormats.Render(config, name, hop, OnPremFormats.ProbesFor(config, account));
            var directory = parse.GetValue(outDir) ?? (OnPremFormats.AlwaysFiles(name) ? "." : null);
            if (directory is null)
            {
                foreach (var file in files)
                {
                    await output.WriteAsync(file.Text);
                }
            }
            else
            {
                Directory.CreateDirectory(directory);
                foreach (var file in files)
                {
                    var path = Path.Combine(directory, file.Name);
                    await File.WriteAllTextAsync(path, file.Text, cancellationToken);
                    await output.WriteLineAsync($"wrote {path}");
                }
            }

            var errors = plan.Findings.Where(f => f.Severity == Severity.Error && f.Source == dataCenter).ToList();
            if (errors.Count > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"the plan has {errors.Count} error finding(s) for {dataCenter} ({string.Join(", ", errors.Select(f => f.Code).Distinct())}): some path stays broken whatever is configured here; see acr-reach plan");
                return ExitCodes.Findings;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IPAddress? NextHop(string? text) =>
        text is null ? null
        : IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text == address.ToString() ? address
        : throw new InvalidInputException("--next-hop", "$", $"'{text}' is not an IPv4 address");
}
