using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcrReach.Cloud.Credentials;

/// <summary>
/// The Alibaba Cloud CLI's <c>~/.aliyun/config.json</c>: the profile named by <c>ALIBABA_CLOUD_PROFILE</c>, else the
/// file's <c>current</c> one, in mode <c>AK</c> or <c>StsToken</c> (npm <c>@alicloud/credentials</c>
/// <c>cli_profile.ts</c>). Turned off by <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true</c>. Modes that need a call
/// to STS or ECS metadata (RamRoleArn, EcsRamRole, ...) are reported as not supported.
/// </summary>
public sealed class CliProfileCredentialSource(CredentialEnvironment environment) : ICredentialSource
{
    public const string ProfileVariable = "ALIBABA_CLOUD_PROFILE";
    public const string DisabledVariable = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

    private readonly CredentialEnvironment _environment = environment ?? throw new ArgumentNullException(nameof(environment));

    public string Description => Path is { } path ? path : "~/.aliyun/config.json";

    private string? Path => _environment.HomeDirectory is { } home ? System.IO.Path.Combine(home, ".aliyun", "config.json") : null;

    public CredentialLookup Find()
    {
        if (string.Equals(_environment.Variable(DisabledVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return CredentialLookup.NotFound($"turned off by {DisabledVariable}=true");
        }

        if (Path is not { } path)
        {
            return CredentialLookup.NotFound("no home directory");
        }

        if (!File.Exists(path))
        {
            return CredentialLookup.NotFound("file not found");
        }

        CliConfiguration? configuration;
        try
        {
            configuration = JsonSerializer.Deserialize(File.ReadAllBytes(path), CredentialsJsonContext.Default.CliConfiguration);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return CredentialLookup.NotFound($"cannot be read: {e.Message}");
        }

        var name = _environment.Variable(ProfileVariable) is { Length: > 0 } chosen ? chosen : configuration?.Current;
        if (string.IsNullOrEmpty(name))
        {
            return CredentialLookup.NotFound("no current profile and ALIBABA_CLOUD_PROFILE is not set");
        }

        var profile = configuration?.Profiles.FirstOrDefault(p => p.Name == name);
        if (profile is null)
        {
            return CredentialLookup.NotFound($"no profile named '{name}'");
        }

        if (profile.Mode is not ("AK" or "StsToken"))
        {
            return CredentialLookup.NotFound($"profile '{name}' has mode '{profile.Mode}'; AcrReach reads modes AK and StsToken");
        }

        if (string.IsNullOrEmpty(profile.AccessKeyId) || string.IsNullOrEmpty(profile.AccessKeySecret))
        {
            return CredentialLookup.NotFound($"profile '{name}' has no access_key_id/access_key_secret");
        }

        var token = profile.Mode == "StsToken" ? profile.StsToken : null;
        return CredentialLookup.Found(new CloudCredentials(profile.AccessKeyId, profile.AccessKeySecret, token));
    }
}

internal sealed record CliConfiguration
{
    [JsonPropertyName("current")]
    public string? Current { get; init; }

    [JsonPropertyName("profiles")]
    public ImmutableArray<CliProfile> Profiles { get; init; } = [];
}

internal sealed record CliProfile
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    [JsonPropertyName("access_key_id")]
    public string? AccessKeyId { get; init; }

    [JsonPropertyName("access_key_secret")]
    public string? AccessKeySecret { get; init; }

    [JsonPropertyName("sts_token")]
    public string? StsToken { get; init; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CliConfiguration))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext;
