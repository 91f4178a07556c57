using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Functions.Tests.Hardening;

// The outside review made a cloud error echo the STS token (a signature error quotes the canonical request, which signs
// x-acs-security-token) and found it in the /invoke answer, the function's log and the chat answer.
public sealed class SecretRedactionTests
{
    // '+', '/' and '=' as in a real token: they take other forms percent-encoded and JSON-escaped.
    private const string Token = "CAIS-redaction-test-token+/=0123456789";
    private const string WrongSecret = "wrong-secret-for-redaction-0001";

    private static readonly (string Name, string Value)[] RefusedKey =
    [
        ("x-fc-access-key-id", LocalCloudOptions.DefaultAccessKeyId),
        ("x-fc-access-key-secret", WrongSecret),
        ("x-fc-security-token", Token),
        ("x-fc-region", "cn-hangzhou"),
        ("x-fc-account-id", "1234567890123456"),
    ];

    [Fact]
    public async Task A_refused_key_with_an_sts_token_shows_the_token_in_neither_the_invoke_answer_nor_the_log()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), headers: RefusedKey);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Equal("404", response.FcStatus());
        // The local cloud quotes its canonical request, token included: what reaches us is masked.
        Assert.Contains("SignatureDoesNotMatch", answer, StringComparison.Ordinal);
        Assert.Contains("x-acs-security-token:***", answer, StringComparison.Ordinal);
        AssertNoSecret(answer);
        AssertNoSecret(string.Join('\n', rig.Host.OutputLines));
        Assert.Equal(0, rig.NetworkWriteCalls());
    }

    [Fact]
    public async Task A_cloud_error_echoing_the_token_and_the_secret_reaches_the_queue_message_masked()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        rig.Cloud.AddFault(new ScriptedFault("*", 1, "Forbidden.RAM", 403, $"denied for token {Token} signed with {WrongSecret} ({Uri.EscapeDataString(Token)})"));

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), headers: RefusedKey.Select(h => h.Name == "x-fc-access-key-secret" ? (h.Name, LocalCloudOptions.DefaultAccessKeySecret) : h));
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Contains("Forbidden.RAM", answer, StringComparison.Ordinal);
        AssertNoSecret(answer);
        AssertNoSecret(string.Join('\n', rig.Host.OutputLines));
        var message = Assert.Single(rig.Messages()).ToJsonString();
        Assert.Contains("denied for token ***", message, StringComparison.Ordinal);
        AssertNoSecret(message);
    }

    [Fact]
    public async Task A_chat_answer_never_shows_the_token_or_the_robots_app_secret()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);
        rig.Cloud.AddFault(new ScriptedFault("*", 1, "Forbidden.RAM", 403, $"denied for {Token}, robot {HostUnderTest.ChatSecret}"));
        rig.Host.Time.Advance(TimeSpan.FromSeconds(1));
        using var request = Robot.Signed(rig.Host, "plan vpc-sh2");
        foreach (var (name, value) in RefusedKey)
        {
            request.Headers.Add(name, name == "x-fc-access-key-secret" ? LocalCloudOptions.DefaultAccessKeySecret : value);
        }

        using var response = await rig.Host.Client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Contains("Forbidden.RAM", answer, StringComparison.Ordinal);
        AssertNoSecret(answer);
        Assert.DoesNotContain(HostUnderTest.ChatSecret, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(HostUnderTest.ChatSecret, string.Join('\n', rig.Host.OutputLines), StringComparison.Ordinal);
        AssertNoSecret(string.Join('\n', rig.Host.OutputLines));
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var form in (string[])[Token, Uri.EscapeDataString(Token), Uri.EscapeDataString(Uri.EscapeDataString(Token)), "CAIS-redaction-test-token\\u002B", WrongSecret])
        {
            Assert.DoesNotContain(form, text, StringComparison.Ordinal);
        }

        // Whatever the form, the token's distinctive head must not survive.
        Assert.DoesNotContain("CAIS-redaction-test-token", text, StringComparison.Ordinal);
    }
}
