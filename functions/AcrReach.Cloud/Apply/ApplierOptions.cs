namespace AcrReach.Cloud.Apply;

/// <summary>How patiently the applier works; every field has a working default.</summary>
public sealed record ApplierOptions
{
    /// <summary>Make the plan's DNS records in PrivateZone (a zone per name, bound to the source VPCs).</summary>
    public bool PrivateZone { get; init; }

    /// <summary>How long one step may take, waiting for its route to turn Available/Active included (Terraform's route create timeout).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// First wait between looks at an entry still in progress; later waits grow by half (<see cref="PollSchedule"/>) up to
    /// <see cref="MaxPollInterval"/>. A VPC takes one route write at a time, so every write of a VPC waits for the one
    /// before it: a short start and a low cap keep the time past the moment a route is in force small on each of them.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Times the applier itself tries again after the client gave up on a busy table (TaskConflict, Operation.Blocking,
    /// throttling, 5xx — the client has retried each of those already, with back-off). The pauses between rounds follow
    /// <see cref="PollSchedule"/>, so twelve rounds give a busy table about 13 s more: tables shared by concurrent runs
    /// stay busy in bursts, and a run that gives up too early only leaves the work to the next one.
    /// </summary>
    public int MaxBusyRounds { get; init; } = 12;

    /// <summary>Looks after a create that succeeded before deciding its token answered an earlier, deleted result.</summary>
    public int LooksBeforeNewToken { get; init; } = 3;

    /// <summary>Route tables (VPCs, for VPC routes) written to at the same time; within one, writes go one at a time.</summary>
    public int MaxParallelTables { get; init; } = 16;

    /// <summary>One line per finished step, for a person watching.</summary>
    public Action<StepReport>? Progress { get; init; }
}
