using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace AcrReach.Cli.Tests;

/// <summary>acr-reach installs like any .NET tool: the package's manifest names the command, and the installed command runs.</summary>
public sealed class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_cli_packs_as_a_dotnet_tool_named_acr_reach_that_installs_and_runs()
    {
        var work = Directory.CreateTempSubdirectory("acr-reach-tool-").FullName;
        var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "functions", "AcrReach.Cli", "AcrReach.Cli.csproj"));

        // --no-build: the test project has just built the CLI in this configuration.
        var pack = await RunAsync("dotnet", "pack", project, "-c", Configuration, "--no-build", "-o", work);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(work, "AcrReach.Cli.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var manifest = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            using var reader = new StreamReader(manifest.Open());
            Assert.Contains("<Command Name=\"acr-reach\" EntryPoint=\"acr-reach.dll\" Runner=\"dotnet\" />", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var tools = Path.Combine(work, "bin");
        var install = await RunAsync("dotnet", "tool", "install", "AcrReach.Cli", "--tool-path", tools, "--add-source", work);
        Assert.True(install.ExitCode == 0, install.Output);
        var version = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "acr-reach.exe" : "acr-reach"), "version");

        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("acr-reach ", version.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
