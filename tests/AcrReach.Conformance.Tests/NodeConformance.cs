using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AcrReach.Conformance.Tests;

/// <summary>
/// Runs <c>tests/conformance</c> (Alibaba Cloud's official Node SDKs, unchanged) against a local cloud started in this
/// process, installing its npm packages with <c>npm ci</c> when node_modules is missing. Each case prints one JSON line.
/// </summary>
public static class NodeConformance
{
    private static readonly Lock InstallGate = new();
    private static string? _installProblem;
    private static bool _installed;

    public static string Directory { get; } = FindConformanceDirectory();

    /// <summary>Installs the pinned packages once per process; returns a description of the failure, if any.</summary>
    public static string? EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (_installed || _installProblem is not null)
            {
                return _installProblem;
            }

            // Every package the script requires: a node_modules from before a package was added is installed again.
            if (!new[] { "vpc20160428", "fc20230330", "sts20150401" }.All(package => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@alicloud", package))))
            {
                var (exit, output) = Run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
                if (exit != 0)
                {
                    _installProblem = $"npm ci failed with exit code {exit}:\n{output}";
                    return _installProblem;
                }
            }

            _installed = true;
            return null;
        }
    }

    public static (int ExitCode, string Output) RunScript(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        Run("node", ["conformance.js", .. arguments], environment, TimeSpan.FromMinutes(3));

    /// <summary>The JSON lines of the output, keyed by case name.</summary>
    public static Dictionary<string, JsonElement> Cases(string output)
    {
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                var element = JsonDocument.Parse(line).RootElement;
                if (element.TryGetProperty("case", out var name))
                {
                    cases[name.GetString()!] = element.Clone();
                }
            }
            catch (JsonException)
            {
            }
        }

        return cases;
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot start {program}: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string FindConformanceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "conformance");
            if (File.Exists(Path.Combine(candidate, "conformance.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/conformance was not found above {AppContext.BaseDirectory}");
    }
}
