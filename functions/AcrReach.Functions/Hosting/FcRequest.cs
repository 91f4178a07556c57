using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;
using AcrReach.Core.Identifiers;
using Microsoft.AspNetCore.Http;

namespace AcrReach.Functions.Hosting;

/// <summary>The common <c>x-fc-*</c> headers FC adds to every request it forwards (platform.md §3).</summary>
internal static class FcHeaders
{
    public const string RequestId = "x-fc-request-id";
    public const string Region = "x-fc-region";
    public const string AccountId = "x-fc-account-id";

    /// <summary>Our answer: 200 the invocation succeeded, 404 it failed (FC's custom-runtime contract).</summary>
    public const string Status = "x-fc-status";

    /// <summary>The invocation the request is: its credentials, region and account, and its deadline (<paramref name="now"/> plus the run budget).</summary>
    /// <exception cref="InvalidInputException">The region or account header is not a region or account id.</exception>
    public static InvocationContext ReadInvocation(HttpRequest request, HostConfig config, DateTimeOffset now)
    {
        var requestId = Header(request, RequestId) ?? Guid.NewGuid().ToString("D");

        // FC's headers carry the role's STS credentials for this very request; the environment's copy may be stale
        // in a long-lived instance (platform.md §2a), so the headers win.
        var keyId = Header(request, FunctionComputeCredentials.AccessKeyIdHeader);
        var keySecret = Header(request, FunctionComputeCredentials.AccessKeySecretHeader);
        var credentials = keyId is not null && keySecret is not null
            ? new CloudCredentials(keyId, keySecret, Header(request, FunctionComputeCredentials.SecurityTokenHeader))
            : config.EnvironmentCredentials;

        var region = Header(request, Region) is { } regionHeader ? CloudIds.RequireRegion(regionHeader, "request header", Region) : config.Region;
        var account = Header(request, AccountId) is { } accountHeader ? CloudIds.RequireAccountId(accountHeader, "request header", AccountId) : config.AccountId;
        return new InvocationContext(requestId, config.Function.Name(), new RunContext
        {
            Credentials = credentials is null ? null : new StaticCredentialProvider(credentials, "invocation credentials"),
            Region = region,
            AccountId = account,
        }, now + config.RunBudget);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0])
            ? values[0]!.Trim()
            : null;
}
