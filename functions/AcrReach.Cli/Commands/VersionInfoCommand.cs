using System.CommandLine;
using System.Reflection;

namespace AcrReach.Cli.Commands;

internal static class VersionInfoCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of acr-reach.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionInfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parse.InvocationConfiguration.Output.WriteLine($"acr-reach {version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
