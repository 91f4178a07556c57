using System.CommandLine;
using System.CommandLine.Invocation;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>--help</c> as usual, followed by a command's longer notes (the root's command list shows only its one-line
/// description): <c>local-cloud --help</c> lists the control endpoints and their bodies.
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
        if (parseResult.CommandResult.Command.Name == "local-cloud")
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LocalCloudCommand.ControlHelp);
        }

        return exit;
    }
}
