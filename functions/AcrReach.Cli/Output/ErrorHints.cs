namespace AcrReach.Cli.Output;

/// <summary>What a person should check when a run failed on an error code that points outside the product.</summary>
internal static class ErrorHints
{
    public static string? For(string error)
    {
        if (Mentions(error, "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurityToken", "IncompleteSignature"))
        {
            return "the access key was refused: check ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (and _SECURITY_TOKEN for an STS key) "
                + "or the profile in ~/.aliyun/config.json; against a local cloud, the keys it was started with (see acr-reach local-cloud --help)";
        }

        if (Mentions(error, "Forbidden.RAM", "NoPermission", "AccessDenied"))
        {
            return "the identity may not call this action: template.yml's FunctionPolicy lists every action acr-reach calls";
        }

        return Mentions(error, "EndpointUnreachable")
            ? "nothing answers at the endpoint: check --endpoint (a local cloud prints 'listening on ...' once ready) or the network"
            : null;
    }

    private static bool Mentions(string error, params string[] codes) =>
        codes.Any(code => error.Contains(code, StringComparison.Ordinal));
}
