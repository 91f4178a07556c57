using AcrReach.Cloud.Credentials;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Acceptance;

public sealed class SecretRedactionTests
{
    [Fact]
    public async Task Apply_prints_no_token_a_cloud_error_echoed_in_any_output()
    {
        // Credentials this process holds (as the chain would load them); a cloud error then quotes the token back.
        const string Token = "CAIS-cli-redaction-token+/=9876543210";
        _ = new CloudCredentials("STS.cli-redaction", "cli-redaction-secret-0001", Token);
        await using var engine = await LocalCloudRig.StartAsync();
        engine.Cloud.AddFault(new ScriptedFault("*", 1, "Forbidden.RAM", 403, $"denied: x-acs-security-token:{Token} {Uri.EscapeDataString(Token)} cli-redaction-secret-0001"));

        var text = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());
        var json = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString(), "--output", "json");

        Assert.Contains("Forbidden.RAM: denied: x-acs-security-token:***", text.Output, StringComparison.Ordinal);
        foreach (var printed in (string[])[text.Output, text.Error, json.Output, json.Error])
        {
            Assert.DoesNotContain("CAIS-cli-redaction-token", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-redaction-secret-0001", printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_input_naming_a_secret_prints_it_masked_on_stderr()
    {
        _ = new CloudCredentials("LTAI-cli-redaction", "cli-secret-in-a-path-0002");

        var run = await CliRun.Invoke("plan", "--scenario", Path.Combine(Path.GetTempPath(), "cli-secret-in-a-path-0002", "missing.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("***", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-secret-in-a-path-0002", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_clouds_published_default_key_is_still_shown_in_its_help()
    {
        _ = new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret);

        var run = await CliRun.Invoke("local-cloud", "--help");

        Assert.Contains("[default: local-access-key-secret]", run.Output, StringComparison.Ordinal);
    }
}
