using System.CommandLine;
using System.Text;
using AcrReach.Cli.Output;
using AcrReach.Core;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.Html;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>report (--scenario FILE | --endpoint URL) --html OUT.html [--output text|json]</c>: the plan as one self-contained
/// HTML page (a drawing per required path, the routes to add, findings, data-center configurations), and with
/// <c>--output</c> the same report data on stdout; rendered by Core, this command only reads the plan and writes. Exit
/// 0, 1 on bad input (one line), 2 when the plan has an error finding (the page is still written: it shows where the
/// paths break).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var html = new Option<string?>("--html") { Description = "Write the report, one self-contained HTML page (no script, no external asset), to this file." };
        var format = new Option<string?>("--output") { Description = "Also print the same report data on stdout: text or json (then the line naming the file goes to stderr)." };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("report", "Write the plan as one self-contained HTML page: a drawing of every required path hop by hop, the routes to add, findings and data-center configurations.")
        {
            html,
            format,
        };
        var source = new PlanSource(command);
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, async output =>
        {
            var file = parse.GetValue(html);
            var printed = parse.GetValue(format);
            if (file is null && printed is null)
            {
                throw new InvalidInputException("(arguments)", "$", "give --html OUT.html, --output text|json, or both");
            }

            if (file is not null && (string.IsNullOrWhiteSpace(file) || Directory.Exists(file)))
            {
                throw new InvalidInputException("--html", "$", $"'{file}' is not a file name");
            }

            var (account, plan) = await source.LoadAsync(parse, parse.InvocationConfiguration.Error, cancellationToken);
            var input = new ReportInput(account, plan, Planner.Verify(account), source.Origin(parse));
            if (file is not null)
            {
                try
                {
                    await File.WriteAllTextAsync(file, ReportHtml.Render(input), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidInputException("--html", "$", $"cannot write {file}: {e.Message}");
                }

                // With --output, stdout holds only that output (a script may be parsing it).
                var said = printed is null ? output : parse.InvocationConfiguration.Error;
                await said.WriteLineAsync($"wrote {file}: plan {plan.PlanId}, {plan.Paths.Length} path drawings, {plan.Findings.Length} findings, {account.DataCenters.Length} data centers");
            }

            if (printed == "json")
            {
                await output.WriteLineAsync(ReportJson.Render(input));
            }
            else if (printed == "text")
            {
                ReportPlainText.Write(input, output);
            }

            if (plan.HasErrors)
            {
                var codes = plan.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code).Distinct();
                await parse.InvocationConfiguration.Error.WriteLineAsync($"the plan has error findings ({string.Join(", ", codes)}): some path stays broken; the report shows where");
                return ExitCodes.Findings;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
