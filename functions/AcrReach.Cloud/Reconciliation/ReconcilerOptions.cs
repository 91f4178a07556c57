using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Discovery;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>How runs are done and where they are reported; every field has a working default.</summary>
public sealed record ReconcilerOptions
{
    public const string DefaultQueue = "acr-reach-results";

    public DiscoveryOptions Discovery { get; init; } = new();

    public ApplierOptions Apply { get; init; } = new();

    /// <summary>The MNS queue each run's message goes to.</summary>
    public string Queue { get; init; } = DefaultQueue;

    /// <summary>The queue's region; null: the first region discovery read (else <see cref="DiscoveryOptions.HomeRegion"/>).</summary>
    public string? QueueRegion { get; init; }

    /// <summary>
    /// Apply rounds at most. A round that links a VPC to a registry lets the next plan route the address the link got
    /// (the cloud picks it), so a run goes on while a round applied something and the plan is not empty.
    /// </summary>
    public int MaxRounds { get; init; } = 3;

    /// <summary>Largest message (UTF-8 bytes before MNS's Base64) sent whole; a larger one drops detail (64 KB queue limit).</summary>
    public int MaxMessageBytes { get; init; } = 46 * 1024;

    /// <summary>Waiting for a resource to be ready: first pause, doubled up to <see cref="MaxReadyPoll"/>.</summary>
    public TimeSpan ReadyPoll { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxReadyPoll { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a resource an event names may stay unlisted before the run ends as <see cref="ReconcileOutcome.NotFound"/>
    /// (list APIs can lag the event by a few seconds; a resource that never shows up is not worth the whole wait).
    /// </summary>
    public TimeSpan NotFoundGrace { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One line per stage, for a person watching (the CLI prints them on stderr).</summary>
    public Action<string>? Progress { get; init; }
}
