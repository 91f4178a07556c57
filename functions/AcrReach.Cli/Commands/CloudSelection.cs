using System.Collections.Immutable;
using System.CommandLine;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Core;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Commands;

/// <summary>
/// Which cloud a command reads and on which policy: <c>--endpoint</c>, <c>--region</c>, <c>--policy</c>, with credentials
/// from the usual chain (the local cloud's own when the endpoint is loopback and the chain has none). Shared by
/// <c>apply</c>, <c>sweep</c> and <c>plan</c> against a cloud.
/// </summary>
internal sealed class CloudSelection
{
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "Send every cloud API call to this URL (e.g. the local cloud, http://127.0.0.1:N)." };
    private readonly Option<string[]> _regions = new("--region") { Description = "A region to read (repeatable); default: every region holding a transit router or a registry." };
    private readonly Option<string?> _policy = new("--policy") { Description = "A policy file: dataCenters, policy and ossVipRanges as in a scenario (a whole scenario is accepted too)." };

    public CloudSelection(Command command)
    {
        foreach (var option in new Option[] { _endpoint, _regions, _policy })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether <c>--endpoint</c> was given.</summary>
    public bool HasEndpoint(ParseResult parse) => parse.GetValue(_endpoint) is not null;

    /// <summary>The selection as given; throws <see cref="InvalidInputException"/> for a bad value.</summary>
    public Selected Read(ParseResult parse) => new(
        Endpoint(parse.GetValue(_endpoint)),
        [.. (parse.GetValue(_regions) ?? []).Select(region => CloudIds.RequireRegion(region, "--region", "$"))],
        parse.GetValue(_policy) is { } file ? ScenarioReader.ReadPolicyFile(file) : PolicySettings.None);

    private static Uri? Endpoint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidInputException("--endpoint", "$", $"'{value}' is not an absolute http(s) URL");
    }

    public sealed record Selected(Uri? Endpoint, ImmutableArray<string> Regions, PolicySettings Policy)
    {
        /// <summary>The usual chain; against a loopback endpoint with nothing in the chain, the local cloud's own key (said on stderr). Null: none (said on stderr).</summary>
        public async Task<ICredentialProvider?> CredentialsAsync(TextWriter error, CancellationToken cancellationToken)
        {
            var chain = DefaultCredentialChain.ForCurrentUser();
            try
            {
                await chain.GetCredentialsAsync(cancellationToken);
                return chain;
            }
            catch (CredentialsNotFoundException e)
            {
                if (Endpoint is { IsLoopback: true })
                {
                    await error.WriteLineAsync($"no Alibaba Cloud credentials in the usual chain; using the local cloud's default key {LocalCloudOptions.DefaultAccessKeyId} for {Endpoint}");
                    return new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret), "local cloud default");
                }

                await error.WriteLineAsync(e.Message.ReplaceLineEndings(" "));
                return null;
            }
        }

        public CloudClientFactory Factory(ICredentialProvider credentials) => new(new CloudOptions { Endpoint = Endpoint, Credentials = credentials, Regions = Regions });

        public DiscoveryOptions Discovery => new() { Regions = Regions, Policy = Policy };
    }
}
