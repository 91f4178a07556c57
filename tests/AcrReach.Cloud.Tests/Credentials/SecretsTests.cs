using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Tests.Credentials;

public sealed class SecretsTests
{
    [Fact]
    public void Making_credentials_registers_the_secret_and_the_token_in_every_form_they_leave_in()
    {
        const string token = "CAIS-secrets-test-token+/=42";
        _ = new CloudCredentials("STS.secrets-test-id", "secrets-test-secret-0001", token);
        var once = PercentEncoding.Encode(token);

        var text = Secrets.Redact($"a {token} b {once} c {PercentEncoding.Encode(once)} d CAIS-secrets-test-token\\u002B/=42 e secrets-test-secret-0001 f STS.secrets-test-id");

        Assert.Equal("a *** b *** c *** d *** e *** f STS.secrets-test-id", text);
    }

    [Fact]
    public void A_cloud_error_quoting_the_token_keeps_its_code_and_masks_the_token_in_both_messages()
    {
        _ = new CloudCredentials("STS.secrets-test-id", "secrets-test-secret-0002", "CAIS-secrets-test-token-0002");

        var error = new CloudApiException("SignatureDoesNotMatch", "server CanonicalRequest is [x-acs-security-token:CAIS-secrets-test-token-0002]", "req-1", 400);

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal("server CanonicalRequest is [x-acs-security-token:***]", error.ServiceMessage);
        Assert.DoesNotContain("CAIS-secrets-test-token-0002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_values_are_not_treated_as_secrets()
    {
        Secrets.Register("tok-123");

        Assert.Equal("the tok-123 stays", Secrets.Redact("the tok-123 stays"));
    }

    [Fact]
    public void A_disclosed_value_is_never_masked()
    {
        Secrets.Register("secrets-test-published-key");
        Secrets.Disclose("secrets-test-published-key");
        Secrets.Register("secrets-test-published-key");

        Assert.Equal("[default: secrets-test-published-key]", Secrets.Redact("[default: secrets-test-published-key]"));
    }

    [Fact]
    public void Utf8_text_without_secrets_comes_back_as_the_same_array()
    {
        var bytes = "{\"nothing\":\"secret here\"}"u8.ToArray();

        Assert.Same(bytes, Secrets.Redact(bytes));
    }
}
