using System.Collections.Immutable;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud;

/// <summary>Everything that configures the cloud client; every field has a working default.</summary>
public sealed record CloudOptions
{
    /// <summary>
    /// One URL every product is sent to instead of its real endpoint (<c>--endpoint</c>, e.g. the local cloud at
    /// <c>http://127.0.0.1:PORT</c>). Null: the real Alibaba Cloud endpoints.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The regions discovery reads (the client itself takes the region per call).</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>Credentials for every call; null means the default chain for the current user.</summary>
    public ICredentialProvider? Credentials { get; init; }

    public SignatureStyle Signature { get; init; } = SignatureStyle.V3;

    public RetryOptions Retry { get; init; } = new();

    public RateLimitOptions RateLimits { get; init; } = new();

    /// <summary>Send MNS calls to the region's internal endpoint (inside a VPC, e.g. from FC with VPC access).</summary>
    public bool MnsInternalEndpoint { get; init; }

    public string? UserAgent { get; init; }
}
