
namespace AcrReach.EndToEnd.Tests.Support;

/// <summary>Runs acr-reach in-process and captures stdout, stderr and the exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Invoke(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await AcrReach.Cli.Program.InvokeAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
