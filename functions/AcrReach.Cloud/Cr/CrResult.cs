using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cr;

/// <summary>What every CR answer carries: <c>Code</c> (<c>success</c>), <c>IsSuccess</c>, <c>RequestId</c> (cloud-apis.md §3.1).</summary>
public abstract record CrResult : IServiceResult
{
    public string? Code { get; init; }

    public bool? IsSuccess { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }
}
