using System.CommandLine;
using AcrReach.Functions.Hosting;

namespace AcrReach.Cli.Commands;

/// <summary><c>acr-reach serve</c>: the Function Compute host on this machine (see <see cref="LocalServe"/>).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "Send every cloud API call to this URL (the local cloud). Calls are signed with each request's x-fc-access-key-* "
                + "headers, as on Function Compute, else ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (the local cloud's: local-access-key-id, local-access-key-secret).",
        };
        var port = new Option<int?>("--port") { Description = "Port on 127.0.0.1 (default: FC_CUSTOM_LISTEN_PORT, else 9000; 0 picks a free one)." };
        var function = new Option<string?>("--function") { Description = "The function to serve (default: FC_FUNCTION_NAME, as on Function Compute)." };
        function.AcceptOnlyFromAmong([.. FunctionKinds.All.Select(k => k.Name())]);

        var command = new Command("serve", "Run the Function Compute host locally; prints 'listening on http://127.0.0.1:N' once ready.")
        {
            endpoint,
            port,
            function,
        };
        command.SetAction((parse, cancellationToken) => LocalServe.RunAsync(
            new LocalServeOptions(parse.GetValue(function), parse.GetValue(endpoint), parse.GetValue(port), Environment.GetEnvironmentVariable),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}
