using System.CommandLine;
using System.Text;
using AcrReach.Cli.Output;
using AcrReach.Core;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.Html;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>report (--scenario FILE | --endpoint URL) --html OUT.html</c>: the plan as one self-contained HTML page (a
/// drawing per required path, the routes to add, findings, data-center configurations), rendered by Core; this command
/// only reads the plan and writes the file. Exit 0, 1 on bad input (one line), 2 when the plan has an error finding
/// (the page is still written: it shows where the paths break).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var html = new Option<string>("--html") { Description = "Write the report, one self-contained HTML page (no script, no external asset), to this file.", Required = true };
        var command = new Command("report", "Write the plan as one self-contained HTML page: a drawing of every required path hop by hop, the routes to add, findings and data-center configurations.")
        {
            html,
        };
        var source = new PlanSource(command);
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, async output =>
        {
            var file = parse.GetValue(html)!;
            if (string.IsNullOrWhiteSpace(file) || Directory.Exists(file))
            {
                throw new InvalidInputException("--html", "$", $"'{file}' is not a file name");
            }

            var (account, plan) = await source.LoadAsync(parse, parse.InvocationConfiguration.Error, cancellationToken);
            var page = ReportHtml.Render(new ReportInput(account, plan, Planner.Verify(account), source.Origin(parse)));
            try
            {
                await File.WriteAllTextAsync(file, page, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidInputException("--html", "$", $"cannot write {file}: {e.Message}");
            }

            await output.WriteLineAsync($"wrote {file}: plan {plan.PlanId}, {plan.Paths.Length} path drawings, {plan.Findings.Length} findings, {account.DataCenters.Length} data centers");
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
