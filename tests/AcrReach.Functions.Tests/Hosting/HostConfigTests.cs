using AcrReach.Cloud.Credentials;
using AcrReach.Core;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Tests.Hosting;

public sealed class HostConfigTests
{
    [Theory]
    [InlineData("acr-reach-on-attachment", FunctionKind.OnAttachment)]
    [InlineData("acr-reach-on-registry", FunctionKind.OnRegistry)]
    [InlineData("acr-reach-sweep", FunctionKind.Sweep)]
    [InlineData("acr-reach-chatops", FunctionKind.Chatops)]
    [InlineData("chatops", FunctionKind.Chatops)]
    public void Chooses_the_function_from_FC_FUNCTION_NAME(string name, FunctionKind expected)
    {
        var config = HostConfig.FromEnvironment(Env(("FC_FUNCTION_NAME", name)));

        Assert.Equal(expected, config.Function);
    }

    [Fact]
    public void ACR_REACH_FUNCTION_wins_over_the_fc_function_name_and_an_override_wins_over_both()
    {
        var environment = Env(("FC_FUNCTION_NAME", "acr-reach-sweep"), ("ACR_REACH_FUNCTION", "on-registry"));

        Assert.Equal(FunctionKind.OnRegistry, HostConfig.FromEnvironment(environment).Function);
        Assert.Equal(FunctionKind.Chatops, HostConfig.FromEnvironment(environment, "chatops").Function);
    }

    [Fact]
    public void Defaults_to_port_9000_the_results_queue_and_a_report_only_sweep()
    {
        var config = HostConfig.FromEnvironment(Env(("FC_FUNCTION_NAME", "sweep")));

        Assert.Equal(9000, config.Port);
        Assert.Equal("acr-reach-results", config.Queue);
        Assert.False(config.SweepRepair);
        Assert.Null(config.ChatAppSecret);
        Assert.Empty(config.ChatAllowedUsers);
        Assert.Equal(TimeSpan.FromHours(1), config.ChatSignatureWindow);
        Assert.Null(config.Endpoint);
        Assert.Empty(config.Regions);
        Assert.Null(config.PolicyFile);
        Assert.False(config.PrivateZone);
        Assert.Null(config.EnvironmentCredentials);
    }

    [Fact]
    public void Reads_every_variable()
    {
        var config = HostConfig.FromEnvironment(Env(
            ("FC_FUNCTION_NAME", "acr-reach-chatops"),
            ("FC_CUSTOM_LISTEN_PORT", "9100"),
            ("FC_REGION", "cn-shanghai"),
            ("FC_ACCOUNT_ID", "1234567890123456"),
            ("ACR_REACH_QUEUE", "other-queue"),
            ("ACR_REACH_SWEEP_REPAIR", "true"),
            ("ACR_REACH_CHAT_APP_SECRET", "SECabc"),
            ("ACR_REACH_CHAT_ALLOWED_USERS", " u2, u1 ,u2"),
            ("ACR_REACH_CHAT_SIGNATURE_WINDOW_SECONDS", "600"),
            ("ACR_REACH_ENDPOINT", "http://127.0.0.1:8080"),
            ("ACR_REACH_REGIONS", "cn-hangzhou,cn-shanghai"),
            ("ACR_REACH_POLICY_FILE", "/code/policy.json"),
            ("ACR_REACH_PRIVATE_ZONE", "on"),
            ("ACR_REACH_READY_TIMEOUT_SECONDS", "120"),
            ("ACR_REACH_MAX_EVENT_BYTES", "2048"),
            ("ACR_REACH_MAX_CHAT_BYTES", "4096"),
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.id"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", "token")));

        Assert.Equal(9100, config.Port);
        Assert.Equal("cn-shanghai", config.Region);
        Assert.Equal("1234567890123456", config.AccountId);
        Assert.Equal("other-queue", config.Queue);
        Assert.True(config.SweepRepair);
        Assert.Equal("SECabc", config.ChatAppSecret);
        Assert.Equal(["u1", "u2"], config.ChatAllowedUsers);
        Assert.Equal(TimeSpan.FromMinutes(10), config.ChatSignatureWindow);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), config.Endpoint);
        Assert.Equal(["cn-hangzhou", "cn-shanghai"], config.Regions.AsEnumerable());
        Assert.Equal("/code/policy.json", config.PolicyFile);
        Assert.True(config.PrivateZone);
        Assert.Equal(TimeSpan.FromMinutes(2), config.ReadyTimeout);
        Assert.Equal(2048, config.MaxEventBytes);
        Assert.Equal(4096, config.MaxChatBytes);
        Assert.Equal(new CloudCredentials("STS.id", "secret", "token"), config.EnvironmentCredentials);
    }

    [Theory]
    [InlineData("FC_FUNCTION_NAME", "acr-reach-backup", "FC_FUNCTION_NAME")]
    [InlineData("ACR_REACH_SWEEP_REPAIR", "sometimes", "ACR_REACH_SWEEP_REPAIR")]
    [InlineData("ACR_REACH_PRIVATE_ZONE", "maybe", "ACR_REACH_PRIVATE_ZONE")]
    [InlineData("FC_CUSTOM_LISTEN_PORT", "70000", "FC_CUSTOM_LISTEN_PORT")]
    [InlineData("ACR_REACH_ENDPOINT", "localhost:8080", "ACR_REACH_ENDPOINT")]
    [InlineData("ACR_REACH_CHAT_SIGNATURE_WINDOW_SECONDS", "-5", "ACR_REACH_CHAT_SIGNATURE_WINDOW_SECONDS")]
    public void Refuses_a_bad_value_naming_the_variable(string name, string value, string reported)
    {
        var environment = new Dictionary<string, string> { ["FC_FUNCTION_NAME"] = "sweep", [name] = value };

        var error = Assert.Throws<InvalidInputException>(() => HostConfig.FromEnvironment(n => environment.GetValueOrDefault(n)));

        Assert.Equal("environment", error.File);
        Assert.Equal(reported, error.JsonPath);
        Assert.Contains(value, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_start_without_a_function_name()
    {
        var error = Assert.Throws<InvalidInputException>(() => HostConfig.FromEnvironment(_ => null));

        Assert.Equal("FC_FUNCTION_NAME", error.JsonPath);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
