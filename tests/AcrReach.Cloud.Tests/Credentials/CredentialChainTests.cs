using AcrReach.Cloud.Credentials;

namespace AcrReach.Cloud.Tests.Credentials;

public sealed class CredentialChainTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("acr-reach-home-").FullName;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    private CredentialEnvironment Environment => new(name => _variables.GetValueOrDefault(name), _home);

    private DefaultCredentialChain Chain() => new(Environment);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private void WriteCliConfig(string json)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".aliyun"));
        File.WriteAllText(Path.Combine(_home, ".aliyun", "config.json"), json);
    }

    private void WriteIni(string text, string? path = null)
    {
        path ??= Path.Combine(_home, ".alibabacloud", "credentials");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string CliConfig = """
        {
          "current": "work",
          "profiles": [
            { "name": "default", "mode": "AK", "access_key_id": "cli-default-id", "access_key_secret": "cli-default-secret", "region_id": "cn-hangzhou" },
            { "name": "work", "mode": "StsToken", "access_key_id": "STS.cli-work", "access_key_secret": "cli-work-secret", "sts_token": "cli-token" },
            { "name": "role", "mode": "RamRoleArn", "access_key_id": "x", "access_key_secret": "y", "ram_role_arn": "acs:ram::1:role/r" }
          ],
          "meta_path": ""
        }
        """;

    private const string Ini = """
        # shared credentials
        [default]
        type = access_key
        access_key_id = ini-default-id
        access_key_secret = ini-default-secret

        [other]
        type = access_key
        access_key_id = ini-other-id
        access_key_secret = ini-other-secret

        [ecs]
        type = ecs_ram_role
        role_name = r
        """;

    [Fact]
    public async Task Environment_variables_come_first()
    {
        WriteCliConfig(CliConfig);
        WriteIni(Ini);
        _variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id";
        _variables["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        _variables["ALIBABA_CLOUD_SECURITY_TOKEN"] = "env-token";

        var credentials = await Chain().GetCredentialsAsync();

        Assert.Equal(new CloudCredentials("env-id", "env-secret", "env-token"), credentials);
    }

    [Fact]
    public async Task The_cli_profile_comes_before_the_ini_file_and_uses_its_current_profile()
    {
        WriteCliConfig(CliConfig);
        WriteIni(Ini);

        var credentials = await Chain().GetCredentialsAsync();

        Assert.Equal(new CloudCredentials("STS.cli-work", "cli-work-secret", "cli-token"), credentials);
    }

    [Fact]
    public async Task Alibaba_cloud_profile_picks_the_cli_profile()
    {
        WriteCliConfig(CliConfig);
        _variables["ALIBABA_CLOUD_PROFILE"] = "default";

        var credentials = await Chain().GetCredentialsAsync();

        Assert.Equal(new CloudCredentials("cli-default-id", "cli-default-secret"), credentials);
        Assert.Null(credentials.SecurityToken);
    }

    [Fact]
    public async Task The_ini_file_is_used_when_there_is_no_cli_config()
    {
        WriteIni(Ini);

        Assert.Equal(new CloudCredentials("ini-default-id", "ini-default-secret"), await Chain().GetCredentialsAsync());
    }

    [Fact]
    public async Task Alibaba_cloud_profile_picks_the_ini_section_and_the_file_variable_moves_the_file()
    {
        var elsewhere = Path.Combine(_home, "elsewhere", "creds.ini");
        WriteIni(Ini, elsewhere);
        _variables["ALIBABA_CLOUD_CREDENTIALS_FILE"] = elsewhere;
        _variables["ALIBABA_CLOUD_PROFILE"] = "other";

        Assert.Equal(new CloudCredentials("ini-other-id", "ini-other-secret"), await Chain().GetCredentialsAsync());
    }

    [Fact]
    public async Task A_disabled_cli_profile_falls_through_to_the_ini_file()
    {
        WriteCliConfig(CliConfig);
        WriteIni(Ini);
        _variables["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";

        Assert.Equal("ini-default-id", (await Chain().GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task An_unsupported_cli_mode_falls_through_to_the_ini_file()
    {
        WriteCliConfig(CliConfig);
        WriteIni(Ini);
        _variables["ALIBABA_CLOUD_PROFILE"] = "role";

        // ALIBABA_CLOUD_PROFILE names the INI section too; 'role' is not there, so nothing is found.
        var error = await Assert.ThrowsAsync<CredentialsNotFoundException>(() => Chain().GetCredentialsAsync().AsTask());

        Assert.Contains(error.Tried, t => t.Contains("mode 'RamRoleArn'", StringComparison.Ordinal));
        Assert.Contains(error.Tried, t => t.Contains("no section [role]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_found_names_every_place_tried_and_why()
    {
        var error = await Assert.ThrowsAsync<CredentialsNotFoundException>(() => Chain().GetCredentialsAsync().AsTask());

        Assert.Equal(3, error.Tried.Length);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID is not set", error.Tried[0], StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".aliyun", "config.json") + ": file not found", error.Tried[1], StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".alibabacloud", "credentials") + ": file not found", error.Tried[2], StringComparison.Ordinal);
        Assert.StartsWith("no Alibaba Cloud credentials found; tried environment variables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_set_environment_is_reported_not_used()
    {
        _variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id";

        var error = await Assert.ThrowsAsync<CredentialsNotFoundException>(() => Chain().GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not", error.Tried[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_cli_config_is_reported_and_the_chain_goes_on()
    {
        WriteCliConfig("{ not json");
        WriteIni(Ini);

        Assert.Equal("ini-default-id", (await Chain().GetCredentialsAsync()).AccessKeyId);

        File.Delete(Path.Combine(_home, ".alibabacloud", "credentials"));
        var error = await Assert.ThrowsAsync<CredentialsNotFoundException>(() => Chain().GetCredentialsAsync().AsTask());
        Assert.Contains(error.Tried, t => t.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chain_remembers_the_link_that_worked_and_rereads_the_environment()
    {
        var chain = Chain();
        _variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id";
        _variables["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        Assert.Equal("env-id", (await chain.GetCredentialsAsync()).AccessKeyId);

        _variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "rotated-id";

        Assert.Equal("rotated-id", (await chain.GetCredentialsAsync()).AccessKeyId);
        Assert.Contains("environment variables", chain.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Function_compute_headers_make_a_per_invocation_provider()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-fc-access-key-id"] = "STS.fc",
            ["x-fc-access-key-secret"] = "fc-secret",
            ["x-fc-security-token"] = "fc-token",
        };

        var provider = FunctionComputeCredentials.FromRequestHeaders(headers.GetValueOrDefault);

        Assert.NotNull(provider);
        Assert.Equal(new CloudCredentials("STS.fc", "fc-secret", "fc-token"), await provider.GetCredentialsAsync());
    }

    [Fact]
    public void No_function_compute_headers_means_no_provider()
    {
        Assert.Null(FunctionComputeCredentials.FromRequestHeaders(_ => null));
        Assert.Null(FunctionComputeCredentials.FromRequestHeaders(h => h == "x-fc-access-key-id" ? "id" : null));
    }

    [Fact]
    public void Credentials_never_print_their_secret_or_token()
    {
        var text = new CloudCredentials("STS.id", "very-secret", "very-token").ToString();

        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-token", text, StringComparison.Ordinal);
        Assert.Contains("STS.id", text, StringComparison.Ordinal);
    }
}
