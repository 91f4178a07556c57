using System.CommandLine;
using AcrReach.Core;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;

namespace AcrReach.Cli.Output;

/// <summary>
/// The bad-input contract shared by every command: an <see cref="InvalidInputException"/> becomes exactly one line
/// on stderr ("file: $.json.path: reason") and exit code 1, never a stack trace.
/// </summary>
internal static class CommandGuard
{
    public static int Run(ParseResult parse, Func<TextWriter, int> body)
    {
        var output = parse.InvocationConfiguration.Output;
        try
        {
            return body(output);
        }
        catch (InvalidInputException e)
        {
            parse.InvocationConfiguration.Error.WriteLine(OneLine(e.Message));
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must still not spill a stack trace over a person's terminal: one line, and a failing exit code.
            parse.InvocationConfiguration.Error.WriteLine(OneLine($"acr-reach: internal error ({e.GetType().Name}): {e.Message}"));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The same contract for a command that does I/O.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<TextWriter, Task<int>> body)
    {
        try
        {
            return await body(parse.InvocationConfiguration.Output);
        }
        catch (InvalidInputException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(OneLine(e.Message));
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(OneLine($"acr-reach: internal error ({e.GetType().Name}): {e.Message}"));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Reads a scenario file strictly; a missing or unreadable file is bad input like any other.</summary>
    public static Account LoadScenario(string path) => InputFiles.ReadScenario(path);

    /// <summary>The --scenario option of the offline commands.</summary>
    public static Option<string> ScenarioOption() => new("--scenario")
    {
        Description = "The scenario file (see FORMAT.md): the account's network state and reach policy.",
        Required = true,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
