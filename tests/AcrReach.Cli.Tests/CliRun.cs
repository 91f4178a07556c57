using System.Runtime.CompilerServices;

namespace AcrReach.Cli.Tests;

/// <summary>Runs acr-reach in-process and captures what a person would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Invoke(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await Program.InvokeAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A scenario of the planner's test suite (tests/AcrReach.Core.Tests/Scenarios/Planning).</summary>
    public static string Scenario(string name) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "AcrReach.Core.Tests", "Scenarios", "Planning", name + ".json"));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>Writes a scenario to a temporary file (for bad inputs).</summary>
    public static string TempScenario(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"acr-reach-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
