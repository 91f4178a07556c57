using System.Collections.Immutable;

namespace AcrReach.Functions.Hosting;

/// <summary>The environment variables the host reads (see <see cref="HostConfig.FromEnvironment"/>).</summary>
public static class EnvironmentVariables
{
    // Set by a deployment (s.yaml / template.yml). FC reserves the FC_ prefix for itself.
    public const string Function = "ACR_REACH_FUNCTION";
    public const string Queue = "ACR_REACH_QUEUE";
    public const string SweepRepair = "ACR_REACH_SWEEP_REPAIR";
    public const string SweepPrune = "ACR_REACH_SWEEP_PRUNE";
    public const string ChatAppSecret = "ACR_REACH_CHAT_APP_SECRET";
    public const string ChatAllowedUsers = "ACR_REACH_CHAT_ALLOWED_USERS";
    public const string ChatSignatureWindowSeconds = "ACR_REACH_CHAT_SIGNATURE_WINDOW_SECONDS";
    public const string Endpoint = "ACR_REACH_ENDPOINT";
    public const string Regions = "ACR_REACH_REGIONS";
    public const string PolicyFile = "ACR_REACH_POLICY_FILE";
    public const string PrivateZone = "ACR_REACH_PRIVATE_ZONE";
    public const string ReadyTimeoutSeconds = "ACR_REACH_READY_TIMEOUT_SECONDS";
    public const string MaxEventBytes = "ACR_REACH_MAX_EVENT_BYTES";
    public const string MaxChatBytes = "ACR_REACH_MAX_CHAT_BYTES";
    public const string FunctionTimeoutSeconds = "ACR_REACH_FUNCTION_TIMEOUT_SECONDS";
    public const string MaxScopes = "ACR_REACH_MAX_SCOPES";
    public const string SweepWorker = "ACR_REACH_SWEEP_WORKER";
    public const string ShardMaxNetworks = "ACR_REACH_SHARD_MAX_NETWORKS";

    // Set by FC itself (platform.md §2a).
    public const string FcFunctionName = "FC_FUNCTION_NAME";
    public const string FcListenPort = "FC_CUSTOM_LISTEN_PORT";
    public const string FcRegion = "FC_REGION";
    public const string FcAccountId = "FC_ACCOUNT_ID";

    /// <summary>Set by FC's local emulator (platform.md §2a), not documented for the cloud: a fallback only.</summary>
    public const string FcTimeout = "FC_TIMEOUT";
    public const string AccessKeyId = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public const string AccessKeySecret = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public const string SecurityToken = "ALIBABA_CLOUD_SECURITY_TOKEN";

    /// <summary>What the engine is run with (<see cref="EngineWiring"/>): every deployed function sets these.</summary>
    public static ImmutableArray<string> Engine { get; } = [Queue, Regions, PolicyFile, PrivateZone];

    /// <summary>The variables a deployment may set.</summary>
    public static ImmutableArray<string> Deployable { get; } =
        [Function, Queue, SweepRepair, SweepPrune, ChatAppSecret, ChatAllowedUsers, ChatSignatureWindowSeconds, Endpoint, Regions, PolicyFile, PrivateZone, ReadyTimeoutSeconds, MaxEventBytes, MaxChatBytes, FunctionTimeoutSeconds, MaxScopes, SweepWorker, ShardMaxNetworks];
}
