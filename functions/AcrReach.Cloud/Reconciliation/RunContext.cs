using AcrReach.Cloud.Credentials;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Who a run is for and how long it may take: one per CLI command or FC invocation. Everything is optional; the engine's
/// configuration fills the rest.
/// </summary>
public sealed record RunContext
{
    /// <summary>The engine's own credentials, no deadline: the CLI's context.</summary>
    public static RunContext Default { get; } = new();

    /// <summary>The invocation's credentials (FC's <c>x-fc-*</c> headers); null: the engine's configured ones or the default chain.</summary>
    public ICredentialProvider? Credentials { get; init; }

    /// <summary>The function's own region: the queue's region and the region asked which regions Container Registry serves.</summary>
    public string? Region { get; init; }

    /// <summary>The account the run works for (FC's <c>x-fc-account-id</c>): the MNS host, and the account when no answer names it.</summary>
    public string? AccountId { get; init; }

    /// <summary>
    /// How long the run may take, from its start on the engine's clock: past it no new step starts, the steps so far are
    /// reported and the message is still published. Null: no limit.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }
}
