using System.Diagnostics;
using System.Text.RegularExpressions;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Acceptance;

/// <summary>
/// The README's commands, as written: every command of its <c>sh</c> blocks is run (the test command excepted, see
/// below), every <c>acr-reach ...</c> it mentions names a command and options the installed tool has, and the commands
/// it only mentions (install, publish) name projects and packages that exist. A command this test does not know how
/// to check fails it, so a new README command needs a way to be checked here.
/// </summary>
public sealed partial class ReadmeCommandsTests(ReadmeCommandsTests.InstalledTool tool) : IClassFixture<ReadmeCommandsTests.InstalledTool>
{
    private static readonly string Root = Scenarios.RepositoryRoot;
    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md"));

    /// <summary>Every command line of the README's <c>sh</c> blocks (continuations joined, trailing comments dropped).</summary>
    public static TheoryData<string> BlockCommands => [.. ShBlocks().SelectMany(Lines)];

    /// <summary>Every <c>acr-reach COMMAND ...</c> code span outside the blocks (the usage table and the prose).</summary>
    public static TheoryData<string> InlineAcrReach => [.. InlineSpans().Where(s => AcrReachCommand().IsMatch(s)).Distinct(StringComparer.Ordinal)];

    [Fact]
    public void The_readme_has_the_two_set_up_commands_and_the_pinned_plan_commands()
    {
        var commands = ShBlocks().SelectMany(Lines).ToList();

        Assert.Contains("dotnet run --project functions/AcrReach.Cli -- demo", commands);
        Assert.Contains("dotnet test AcrReach.sln", commands);
        Assert.Contains(commands, c => c.StartsWith("acr-reach apply ", StringComparison.Ordinal) && c.Contains("--plan plan.json", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BlockCommands))]
    public async Task Each_command_of_the_readme_blocks_works_as_written(string command)
    {
        if (command == "dotnet test AcrReach.sln")
        {
            // Not run: this test is one of the tests that command runs, so running it here would recurse. What it
            // needs is checked instead: the solution is there and holds every test project.
            var solution = await File.ReadAllTextAsync(Path.Combine(Root, "AcrReach.sln"));
            var projects = Directory.GetDirectories(Path.Combine(Root, "tests"), "AcrReach.*.Tests").Select(Path.GetFileName).ToList();
            Assert.NotEmpty(projects);
            Assert.All(projects, p => Assert.Contains($"tests\\{p}\\{p}.csproj", solution, StringComparison.Ordinal));
            return;
        }

        if (command.StartsWith("dotnet run --project functions/AcrReach.Cli -- ", StringComparison.Ordinal))
        {
            var run = await tool.ShellAsync(command, Root);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Repaired", run.Output, StringComparison.Ordinal);
            return;
        }

        if (command.StartsWith("acr-reach ", StringComparison.Ordinal))
        {
            await using var engine = await LocalCloudRig.StartAsync();
            var work = Directory.CreateTempSubdirectory("acr-reach-readme-").FullName;
            // The pinned-plan commands come as a pair: the apply needs the plan file the plan command writes.
            foreach (var step in PinnedPlanPrerequisites(command).Append(command))
            {
                var run = await tool.ShellAsync(step.Replace("PORT", engine.Cloud.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), work);
                Assert.True(run.ExitCode == 0, $"{step}\n{run}");
            }

            var redirected = RedirectedTo().Match(command);
            Assert.True(redirected.Success
                ? new FileInfo(Path.Combine(work, redirected.Groups["file"].Value)).Length > 0
                : engine.Cloud.Messages(AcrReach.LocalCloud.LocalCloudOptions.DefaultQueueName).Count > 0, $"{command} printed or published nothing");
            return;
        }

        if (command.StartsWith("aliyun ros ", StringComparison.Ordinal))
        {
            // Needs a real Resource Directory and the aliyun CLI: checked for what it names instead, the template it
            // deploys with the parameters it passes, and a stack group the README creates.
            var group = StackGroup().Match(command).Groups["name"].Value;
            Assert.Contains(ShBlocks().SelectMany(Lines), c => c.StartsWith("aliyun ros CreateStackGroup ", StringComparison.Ordinal) && StackGroup().Match(c).Groups["name"].Value == group);
            if (TemplateBody().Match(command) is { Success: true } body)
            {
                var template = await File.ReadAllTextAsync(Path.Combine(Root, body.Groups["file"].Value));
                var keys = ParameterKey().Matches(command).Select(m => m.Groups["key"].Value).ToList();
                Assert.NotEmpty(keys);
                Assert.All(keys, key => Assert.Contains($"\n  {key}:", template, StringComparison.Ordinal));
            }

            return;
        }

        Assert.Fail($"README command this test does not know how to check: {command}");
    }

    [Theory]
    [MemberData(nameof(InlineAcrReach))]
    public async Task Each_acr_reach_usage_in_the_readme_names_a_command_and_options_the_installed_tool_has(string usage)
    {
        var name = AcrReachCommand().Match(usage).Groups["command"].Value;

        var help = await tool.ShellAsync($"acr-reach {name} --help", Root);

        Assert.True(help.ExitCode == 0, $"{usage}\n{help}");
        var options = Options().Matches(usage).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(usage.Contains("--", StringComparison.Ordinal), options.Count > 0);
        foreach (var option in options)
        {
            Assert.Matches($@"(^|\s|,){Regex.Escape(option)}(\s|,|$)", help.Output);
        }
    }

    [Fact]
    public void The_install_and_publish_commands_name_a_project_and_package_that_exist()
    {
        var install = Assert.Single(InlineSpans(), s => s.StartsWith("dotnet pack ", StringComparison.Ordinal));
        var project = File.ReadAllText(Path.Combine(Root, "functions", "AcrReach.Cli", "AcrReach.Cli.csproj"));

        Assert.Contains("dotnet pack functions/AcrReach.Cli ", install, StringComparison.Ordinal);
        Assert.Contains("<PackageId>AcrReach.Cli</PackageId>", project, StringComparison.Ordinal);
        Assert.Contains("<ToolCommandName>acr-reach</ToolCommandName>", project, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --global AcrReach.Cli --add-source .tools", install, StringComparison.Ordinal);
        var publish = Assert.Single(InlineSpans(), s => s.StartsWith("dotnet publish ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Root, publish.Split(' ')[2], "AcrReach.Functions.csproj")), publish);
    }

    private static IEnumerable<string> ShBlocks() =>
        ShBlock().Matches(Readme).Select(m => m.Groups["body"].Value);

    /// <summary>The code spans of the README's prose and tables (the fenced blocks taken out; table escapes undone).</summary>
    private static IEnumerable<string> InlineSpans() =>
        InlineSpan().Matches(ShBlock().Replace(Readme, string.Empty)).Select(m => Spaces().Replace(m.Groups["code"].Value.Replace("\\|", "|", StringComparison.Ordinal), " ").Trim());

    /// <summary>A block's command lines as bash reads them: continuations and quoted newlines joined, comments dropped.</summary>
    private static IEnumerable<string> Lines(string block)
    {
        var pending = string.Empty;
        foreach (var raw in block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            var code = TrailingComment().Replace(raw, string.Empty);
            pending = pending.Length == 0 ? code : pending + " " + code;
            if (pending.Count(c => c == '\'') % 2 == 1)
            {
                continue;
            }

            var line = Spaces().Replace(pending, " ").Trim();
            pending = string.Empty;
            if (line.Length > 0)
            {
                yield return line;
            }
        }

        Assert.True(pending.Length == 0, $"unclosed quote in a README block: {pending}");
    }

    /// <summary>Before <c>apply --plan plan.json</c>, the README's own command that writes plan.json.</summary>
    private static IEnumerable<string> PinnedPlanPrerequisites(string command) =>
        command.Contains("--plan plan.json", StringComparison.Ordinal)
            ? ShBlocks().SelectMany(Lines).Where(l => l.StartsWith("acr-reach plan ", StringComparison.Ordinal) && l.EndsWith("> plan.json", StringComparison.Ordinal))
            : [];

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex InlineSpan();

    [GeneratedRegex(@"\s{2,}#.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^acr-reach (?<command>[a-z][a-z-]*)(\s|$)")]
    private static partial Regex AcrReachCommand();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Options();

    [GeneratedRegex(@">\s*(?<file>\S+)\s*$")]
    private static partial Regex RedirectedTo();

    [GeneratedRegex(@"""ParameterKey"":""(?<key>[A-Za-z]+)""")]
    private static partial Regex ParameterKey();

    [GeneratedRegex(@"--StackGroupName (?<name>\S+)")]
    private static partial Regex StackGroup();

    [GeneratedRegex(@"--TemplateBody ""\$\(cat (?<file>[^)\s]+)\)""")]
    private static partial Regex TemplateBody();

    /// <summary>
    /// acr-reach packed and installed as the README says (<c>--tool-path</c>, its documented alternative to
    /// <c>--global</c>), from the build this test project already made: packing again in Release as written would
    /// rebuild every project (minutes on a shared machine), and ToolPackageTests checks that package's manifest.
    /// </summary>
    public sealed class InstalledTool : IAsyncLifetime
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        private readonly string _work = Directory.CreateTempSubdirectory("acr-reach-readme-tool-").FullName;

        private string Tools => Path.Combine(_work, "bin");

        public async Task InitializeAsync()
        {
            var project = Path.Combine(Root, "functions", "AcrReach.Cli", "AcrReach.Cli.csproj");
            // Its own nuspec folder: ToolPackageTests may pack the same project at the same time.
            var pack = await RunAsync("dotnet", Root, null, false, "pack", project, "-c", Configuration, "--no-build", "-o", _work, $"-p:NuspecOutputPath={Path.Combine(_work, "nuspec")}/");
            Assert.True(pack.ExitCode == 0, pack.ToString());
            var install = await RunAsync("dotnet", Root, null, false, "tool", "install", "AcrReach.Cli", "--tool-path", Tools, "--add-source", _work);
            Assert.True(install.ExitCode == 0, install.ToString());
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_work, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>
        /// Runs one command line in bash with the installed tool first on PATH and no cloud keys; acr-reach also gets a
        /// home of its own (no ~/.aliyun credentials), dotnet keeps the real one (its package cache).
        /// </summary>
        public Task<Run> ShellAsync(string command, string directory) =>
            RunAsync("bash", directory, Tools, command.StartsWith("acr-reach ", StringComparison.Ordinal), "-c", command);

        private async Task<Run> RunAsync(string file, string directory, string? tools, bool ownHome, params string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            if (tools is not null)
            {
                start.Environment["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
                if (ownHome)
                {
                    // No ~/.aliyun or ~/.alibabacloud and no key variables: the run falls back to the local cloud's key.
                    start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(_work, "home")).FullName;
                }

                foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ALIBABA_CLOUD_", StringComparison.Ordinal)).ToList())
                {
                    start.Environment.Remove(key);
                }
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new Run(process.ExitCode, await output, await error);
        }
    }

    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }
}
