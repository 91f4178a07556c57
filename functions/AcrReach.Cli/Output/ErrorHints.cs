using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Cli.Output;

/// <summary>What a person should check when a run failed on an error code that points outside the product. Switches on the code, never on message text.</summary>
internal static class ErrorHints
{
    private static readonly string[] RefusedKey = ["InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurityToken", "IncompleteSignature"];

    private static readonly string[] NotPermitted = ["Forbidden", "NoPermission", "AccessDenied"];

    public static string? For(RunError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IsOneOf(error.Code, RefusedKey))
        {
            return "the access key was refused: check ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (and _SECURITY_TOKEN for an STS key) "
                + "or the profile in ~/.aliyun/config.json; against a local cloud, the keys it was started with (see acr-reach local-cloud --help)";
        }

        if (IsOneOf(error.Code, NotPermitted))
        {
            return "the identity may not call this action: template.yml's FunctionPolicy lists every action acr-reach calls";
        }

        return error.Code == CloudApiException.EndpointUnreachableCode
            ? "nothing answers at the endpoint: check --endpoint (a local cloud prints 'listening on ...' once ready) or the network"
            : null;
    }

    /// <summary>The code itself or one of its documented refinements (<c>InvalidAccessKeyId.NotFound</c>, <c>Forbidden.RAM</c>).</summary>
    private static bool IsOneOf(string code, string[] families) =>
        families.Any(family => code == family || code.StartsWith(family + ".", StringComparison.Ordinal));
}
