namespace AcrReach.Cloud.OpenApi;

/// <summary>A resource tag as VPC and CBN send and filter it: <c>Tag.N.Key</c> / <c>Tag.N.Value</c>.</summary>
public sealed record CloudTag
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
