using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Hosting;

/// <summary>One FC invocation: its request id (every log line carries it), the function, the run context it gives the engine, and
/// when its runs must have stopped (on the host's clock).</summary>
public sealed record InvocationContext(string RequestId, string Function, RunContext Run, DateTimeOffset Deadline)
{
    /// <summary>The run context with what is left of the invocation's time (at least nothing: a run then stops at once).</summary>
    public RunContext RunUntilDeadline(DateTimeOffset now) => Run with { TimeLimit = Deadline > now ? Deadline - now : TimeSpan.Zero };
}
