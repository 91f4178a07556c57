using System.CommandLine;
using System.CommandLine.Invocation;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>--help</c> as usual, followed by a command's longer notes (the root's command list shows only its one-line
/// description): <c>local-cloud --help</c> lists the control endpoints and their bodies; every command's help ends with
/// the exit codes.
/// </summary>
internal sealed class HelpEpilogue(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    public static void Install(RootCommand root)
    {
        var option = root.Options.OfType<System.CommandLine.Help.HelpOption>().Single();
        option.Action = new HelpEpilogue((SynchronousCommandLineAction)option.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        if (command.Name == "local-cloud")
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LocalCloudCommand.ControlHelp);
        }

        if (command is not RootCommand)
        {
            // The same codes for every command (the root's description says them once for the list).
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Help);
        }

        return exit;
    }
}
