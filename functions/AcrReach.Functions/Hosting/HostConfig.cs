using System.Collections.Immutable;
using System.Globalization;
using AcrReach.Cloud.Credentials;
using AcrReach.Core;
using AcrReach.Core.Identifiers;

namespace AcrReach.Functions.Hosting;

/// <summary>
/// The host's configuration, read from the environment as FC sets it (see <see cref="FromEnvironment"/> for the
/// variable names). User variables may not start with <c>FC_</c> on FC, hence the <c>ACR_REACH_</c> prefix.
/// </summary>
public sealed record HostConfig
{
    public const int DefaultPort = 9000;
    public const string DefaultQueue = "acr-reach-results";

    /// <summary>FC delivers async and timer payloads of at most 128 KB; a sync batch of ActionTrail records
    /// (a few KB each) fits well within this.</summary>
    public const int DefaultMaxEventBytes = 1024 * 1024;

    /// <summary>A chat robot message is a few hundred bytes.</summary>
    public const int DefaultMaxChatBytes = 64 * 1024;

    public const int DefaultFunctionTimeoutSeconds = 600;

    public const int DefaultMaxScopesPerInvocation = 50;

    public required FunctionKind Function { get; init; }

    public int Port { get; init; } = DefaultPort;

    public string Queue { get; init; } = DefaultQueue;

    /// <summary>Whether a sweep repairs when its timer payload does not say (default: report only).</summary>
    public bool SweepRepair { get; init; }

    /// <summary>
    /// Whether runs no person started remove AcrReach's own routes no rule needs (default: only report them): the timer
    /// sweep and its shards, and the runs deletion events start (an attachment, VPC or registry deleted, a reach tag removed).
    /// </summary>
    public bool SweepPrune { get; init; }

    /// <summary>The chat robot's app secret; without it every chat request is refused.</summary>
    public string? ChatAppSecret { get; init; }

    /// <summary>Chat user ids (senderStaffId or senderId) allowed to run commands; empty: everyone the robot hears.</summary>
    public ImmutableSortedSet<string> ChatAllowedUsers { get; init; } = ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>How far a chat request's timestamp may be from now (DingTalk: one hour).</summary>
    public TimeSpan ChatSignatureWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Endpoint override for every cloud API (the local cloud); null: the real endpoints.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The regions to look at; empty: every region holding a transit router or a registry.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>A policy file (data centers, rules, route scopes; the scenario format's policy part), read once at start; null: tags only.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>Make the plan's DNS records in PrivateZone (zones bound to the source VPCs).</summary>
    public bool PrivateZone { get; init; }

    /// <summary>The function's own region (FC_REGION).</summary>
    public string? Region { get; init; }

    /// <summary>The account that owns the function (FC_ACCOUNT_ID).</summary>
    public string? AccountId { get; init; }

    /// <summary>How long an event run may wait for its attachment or registry to be ready; keep below the function timeout.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The function's timeout on FC (<c>ACR_REACH_FUNCTION_TIMEOUT_SECONDS</c>, else <c>FC_TIMEOUT</c>, else 600 s).</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromSeconds(DefaultFunctionTimeoutSeconds);

    /// <summary>
    /// How long an invocation's runs may take: the function's timeout less a margin (a tenth, from 5 to 30 s) for
    /// publishing the message and answering FC. Past it a run stops cleanly and the rest of a batch is deferred.
    /// </summary>
    public TimeSpan RunBudget
    {
        get
        {
            var margin = TimeSpan.FromTicks(Math.Clamp(FunctionTimeout.Ticks / 10, TimeSpan.FromSeconds(5).Ticks, TimeSpan.FromSeconds(30).Ticks));
            return FunctionTimeout > margin ? FunctionTimeout - margin : FunctionTimeout / 2;
        }
    }

    /// <summary>
    /// Distinct scopes one invocation runs at most (<c>ACR_REACH_MAX_SCOPES</c>, 50): a batch naming more defers the rest
    /// to the sweep, so one request can never cost a thousand runs.
    /// </summary>
    public int MaxScopesPerInvocation { get; init; } = DefaultMaxScopesPerInvocation;

    /// <summary>
    /// The worker function the sweep hands its shards to (<c>ACR_REACH_SWEEP_WORKER</c>, e.g. <c>acr-reach-sweep-worker</c>);
    /// null: the sweep runs the whole account in its own invocation.
    /// </summary>
    public string? SweepWorker { get; init; }

    /// <summary>A region with more VPCs than this is split per transit router (<c>ACR_REACH_SHARD_MAX_NETWORKS</c>, 500).</summary>
    public int ShardMaxNetworks { get; init; } = Cloud.Reconciliation.SweepSharding.DefaultMaxNetworksPerShard;

    public int MaxEventBytes { get; init; } = DefaultMaxEventBytes;

    public int MaxChatBytes { get; init; } = DefaultMaxChatBytes;

    /// <summary>The <c>ALIBABA_CLOUD_*</c> credentials of the environment: used when a request carries no <c>x-fc-*</c> credentials.</summary>
    public CloudCredentials? EnvironmentCredentials { get; init; }

    /// <summary>
    /// Reads the configuration. Variables: <c>ACR_REACH_FUNCTION</c> (else <c>FC_FUNCTION_NAME</c>) chooses the
    /// function; <c>FC_CUSTOM_LISTEN_PORT</c> (9000); <c>ACR_REACH_QUEUE</c> (acr-reach-results);
    /// <c>ACR_REACH_SWEEP_REPAIR</c> (false); <c>ACR_REACH_SWEEP_PRUNE</c> (false); <c>ACR_REACH_CHAT_APP_SECRET</c>; <c>ACR_REACH_CHAT_ALLOWED_USERS</c>
    /// (comma-separated); <c>ACR_REACH_CHAT_SIGNATURE_WINDOW_SECONDS</c> (3600); <c>ACR_REACH_ENDPOINT</c>;
    /// <c>ACR_REACH_REGIONS</c> (comma-separated); <c>ACR_REACH_POLICY_FILE</c> (a path, relative to the code
    /// folder on FC); <c>ACR_REACH_PRIVATE_ZONE</c> (false); <c>ACR_REACH_READY_TIMEOUT_SECONDS</c> (300);
    /// <c>ACR_REACH_MAX_EVENT_BYTES</c>; <c>ACR_REACH_MAX_CHAT_BYTES</c>; <c>ACR_REACH_FUNCTION_TIMEOUT_SECONDS</c> (else
    /// <c>FC_TIMEOUT</c>, else 600); <c>ACR_REACH_MAX_SCOPES</c> (50); <c>ACR_REACH_SWEEP_WORKER</c>;
    /// <c>ACR_REACH_SHARD_MAX_NETWORKS</c> (500); <c>FC_REGION</c>; <c>FC_ACCOUNT_ID</c>;
    /// <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>/<c>_SECRET</c>/<c>ALIBABA_CLOUD_SECURITY_TOKEN</c>.
    /// </summary>
    /// <param name="functionOverride">A function name that wins over the environment (<c>serve --function</c>).</param>
    public static HostConfig FromEnvironment(Func<string, string?> variable, string? functionOverride = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;

        var function = functionOverride is not null
            ? FunctionKinds.Parse(functionOverride, "--function")
            : Get(EnvironmentVariables.Function) is { } explicitName
                ? FunctionKinds.Parse(explicitName, EnvironmentVariables.Function)
                : FunctionKinds.Parse(Get(EnvironmentVariables.FcFunctionName), EnvironmentVariables.FcFunctionName);

        var timeoutVariable = Get(EnvironmentVariables.FunctionTimeoutSeconds) is null ? EnvironmentVariables.FcTimeout : EnvironmentVariables.FunctionTimeoutSeconds;
        var keyId = Get(EnvironmentVariables.AccessKeyId);
        var keySecret = Get(EnvironmentVariables.AccessKeySecret);

        return new HostConfig
        {
            Function = function,
            Port = Integer(Get(EnvironmentVariables.FcListenPort), EnvironmentVariables.FcListenPort, DefaultPort, 0, 65535),
            Queue = Get(EnvironmentVariables.Queue) ?? DefaultQueue,
            SweepRepair = Boolean(Get(EnvironmentVariables.SweepRepair), EnvironmentVariables.SweepRepair),
            SweepPrune = Boolean(Get(EnvironmentVariables.SweepPrune), EnvironmentVariables.SweepPrune),
            ChatAppSecret = Get(EnvironmentVariables.ChatAppSecret),
            ChatAllowedUsers = List(Get(EnvironmentVariables.ChatAllowedUsers)).ToImmutableSortedSet(StringComparer.Ordinal),
            ChatSignatureWindow = TimeSpan.FromSeconds(Integer(Get(EnvironmentVariables.ChatSignatureWindowSeconds), EnvironmentVariables.ChatSignatureWindowSeconds, 3600, 1, 86400)),
            Endpoint = Get(EnvironmentVariables.Endpoint) is { } endpoint ? AbsoluteUri(endpoint, EnvironmentVariables.Endpoint) : null,
            Regions = [.. List(Get(EnvironmentVariables.Regions)).Select(region => CloudIds.RequireRegion(region, "environment", EnvironmentVariables.Regions))],
            PolicyFile = Get(EnvironmentVariables.PolicyFile),
            PrivateZone = Boolean(Get(EnvironmentVariables.PrivateZone), EnvironmentVariables.PrivateZone),
            Region = Get(EnvironmentVariables.FcRegion) is { } region ? CloudIds.RequireRegion(region, "environment", EnvironmentVariables.FcRegion) : null,
            AccountId = Get(EnvironmentVariables.FcAccountId) is { } account ? CloudIds.RequireAccountId(account, "environment", EnvironmentVariables.FcAccountId) : null,
            ReadyTimeout = TimeSpan.FromSeconds(Integer(Get(EnvironmentVariables.ReadyTimeoutSeconds), EnvironmentVariables.ReadyTimeoutSeconds, 300, 0, 86400)),
            FunctionTimeout = TimeSpan.FromSeconds(Integer(Get(timeoutVariable), timeoutVariable, DefaultFunctionTimeoutSeconds, 1, 86400)),
            MaxScopesPerInvocation = Integer(Get(EnvironmentVariables.MaxScopes), EnvironmentVariables.MaxScopes, DefaultMaxScopesPerInvocation, 1, 10000),
            SweepWorker = Get(EnvironmentVariables.SweepWorker),
            ShardMaxNetworks = Integer(Get(EnvironmentVariables.ShardMaxNetworks), EnvironmentVariables.ShardMaxNetworks, Cloud.Reconciliation.SweepSharding.DefaultMaxNetworksPerShard, 1, 1_000_000),
            MaxEventBytes = Integer(Get(EnvironmentVariables.MaxEventBytes), EnvironmentVariables.MaxEventBytes, DefaultMaxEventBytes, 1024, 32 * 1024 * 1024),
            MaxChatBytes = Integer(Get(EnvironmentVariables.MaxChatBytes), EnvironmentVariables.MaxChatBytes, DefaultMaxChatBytes, 1024, 32 * 1024 * 1024),
            EnvironmentCredentials = keyId is not null && keySecret is not null
                ? new CloudCredentials(keyId, keySecret, Get(EnvironmentVariables.SecurityToken))
                : null,
        };
    }

    public static Uri AbsoluteUri(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidInputException("environment", source, $"'{value}' is not an absolute http(s) URL");
        }

        return uri;
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);

    private static int Integer(string? value, string name, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            throw new InvalidInputException("environment", name, $"'{value}' is not a whole number from {min} to {max}");
        }

        return parsed;
    }

    private static bool Boolean(string? value, string name) => value?.ToUpperInvariant() switch
    {
        null => false,
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw new InvalidInputException("environment", name, $"'{value}' is not true or false"),
    };
}
