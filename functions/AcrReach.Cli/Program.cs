using System.CommandLine;
using AcrReach.Cli.Commands;

namespace AcrReach.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    /// <summary>Every command of acr-reach; each lives in Commands/ and owns its options.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "acr-reach: makes Container Registry Enterprise Edition instances reachable across regions and from data centers.\n"
            + "Exit codes: 0 done and verified, 1 bad input, 2 a finding, a failed step or a run that could not read or write, 3 the run succeeded but its message could not be published.");
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
        yield return DemoCommand.Create();
        yield return OnPremCommand.Create();
        yield return ProbeCommand.Create();
    }
}
