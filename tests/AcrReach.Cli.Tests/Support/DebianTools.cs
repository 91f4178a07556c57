using System.Diagnostics;

namespace AcrReach.Cli.Tests.Support;

/// <summary>
/// Real tools from Debian's packages for the tests that check generated files against them. A missing tool is
/// installed with apt-get when the tests run as root; otherwise (or when the package cannot be installed) the test is
/// skipped, naming the package and why.
/// </summary>
internal static class DebianTools
{
    private static readonly SemaphoreSlim Apt = new(1, 1);
    private static readonly string[] Directories = [.. (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/sbin", "/usr/bin"];

    public static string? Find(string tool) =>
        Directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>The tool's path; installs <paramref name="package"/> first when it is missing and the tests run as root; skips the test otherwise.</summary>
    public static async Task<string> RequireAsync(string tool, string package)
    {
        if (Find(tool) is { } found)
        {
            return found;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{tool} is not installed (Debian package {package}) and the tests do not run as root to apt-get install it");
        }

        await Apt.WaitAsync();
        try
        {
            if (Find(tool) is null)
            {
                var install = await RunAsync("apt-get", ["install", "-y", "-q", package], TimeSpan.FromMinutes(5), apt: true);
                if (install.ExitCode != 0)
                {
                    await RunAsync("apt-get", ["update", "-q"], TimeSpan.FromMinutes(5), apt: true);
                    install = await RunAsync("apt-get", ["install", "-y", "-q", package], TimeSpan.FromMinutes(5), apt: true);
                }

                if (Find(tool) is null)
                {
                    throw new InvalidOperationException($"{tool} is missing and 'apt-get install -y {package}' did not provide it (exit {install.ExitCode}: {Last(install.Output)})");
                }
            }
        }
        finally
        {
            Apt.Release();
        }

        return Find(tool)!;
    }

    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>), stdout and stderr together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, bool apt = false, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (apt)
        {
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {timeout ?? TimeSpan.FromSeconds(60)}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string Last(string output) => output.Trim().Split('\n').LastOrDefault() ?? string.Empty;
}

/// <summary>
/// A theory that needs real tools, as <c>tool:package</c> pairs. xunit 2 decides skips when it discovers tests, so a
/// missing tool skips the theory (naming the package) only when the tests cannot install it: not root, or not packaged
/// by Debian (an empty package).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools)
    {
        foreach (var pair in tools)
        {
            var (tool, package) = (pair.Split(':')[0], pair.Split(':')[1]);
            if (DebianTools.Find(tool) is not null)
            {
                continue;
            }

            Skip = package.Length == 0
                ? $"{tool} is not packaged by Debian and is not on PATH"
                : Environment.UserName != "root" ? $"{tool} is not installed (Debian package {package}) and the tests do not run as root to apt-get install it"
                : null;
            if (Skip is not null)
            {
                return;
            }
        }
    }
}

/// <summary>A fact that needs real tools; see <see cref="ToolTheoryAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        Skip = new ToolTheoryAttribute(tools).Skip;
    }
}
