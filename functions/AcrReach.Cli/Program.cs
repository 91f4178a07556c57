using System.CommandLine;
using System.CommandLine.Invocation;
using AcrReach.Cli.Commands;
using AcrReach.Cli.Output;
using AcrReach.Cloud.Credentials;
using AcrReach.LocalCloud;

namespace AcrReach.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => InvokeAsync(args, Console.Out, Console.Error);

    /// <summary>Parses and runs one command line; all it prints goes through a <see cref="RedactingWriter"/>.</summary>
    /// <remarks>
    /// A command line that does not parse leaves stdout empty (a script may be redirecting it to a file): one line naming
    /// the problem and one pointing at the command's help, both on stderr, exit 1. Help asked for is still help on stdout.
    /// </remarks>
    internal static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        // The local cloud's default key is printed by its own --help: public, so never masked.
        Secrets.Disclose(LocalCloudOptions.DefaultAccessKeySecret);
        using var redactedOutput = new RedactingWriter(output);
        using var redactedError = new RedactingWriter(error);
        var configuration = new InvocationConfiguration { Output = redactedOutput, Error = redactedError };
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count == 0 || parse.Action is not ParseErrorAction)
        {
            return await parse.InvokeAsync(configuration);
        }

        var command = parse.CommandResult.Command is RootCommand ? "acr-reach" : $"acr-reach {parse.CommandResult.Command.Name}";
        var problems = string.Join(" ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()));
        await configuration.Error.WriteLineAsync($"{command}: {problems}");
        await configuration.Error.WriteLineAsync($"see {command} --help");
        return ExitCodes.BadInput;
    }

    /// <summary>Every command of acr-reach; each lives in Commands/ and owns its options.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "acr-reach: makes Container Registry Enterprise Edition instances reachable across regions and from data centers.\n"
            + ExitCodes.Help);
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        HelpEpilogue.Install(root);
        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionInfoCommand.Create();
        yield return PlanCommand.Create();
        yield return ExplainCommand.Create();
        yield return ServeCommand.Create();
        yield return LocalCloudCommand.Create();
        yield return ApplyCommand.Create();
        yield return SweepCommand.Create();
        yield return RollbackCommand.Create();
        yield return DemoCommand.Create();
        yield return OnPremCommand.Create();
        yield return ProbeCommand.Create();
        yield return ReportCommand.Create();
    }
}
