namespace AcrReach.Cloud.Apply;

/// <summary>
/// The pauses between looks at a change still on its way (a route Pending or Creating, a busy table): short at first, since
/// most writes are in force within a second or two and every pause past that is time added to the event's latency; then
/// half as long again each time, up to a cap, so a slow write is not asked about more than once per cap. Pure, as Polly
/// keeps its back-off maths apart from the loop that waits (App-vNext/Polly src/Polly.Core/Retry/RetryHelper.cs).
/// </summary>
public static class PollSchedule
{
    public const double Growth = 1.5;

    /// <summary>The pause before look <paramref name="pause"/> + 1 after the first (0-based): <paramref name="first"/> × 1.5^pause, at most <paramref name="max"/>.</summary>
    public static TimeSpan Pause(int pause, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pause);
        if (first >= max)
        {
            return max;
        }

        // Past the cap the power only overflows: stop growing as soon as it is reached.
        var ticks = (double)first.Ticks;
        for (var i = 0; i < pause && ticks < max.Ticks; i++)
        {
            ticks *= Growth;
        }

        return TimeSpan.FromTicks((long)Math.Min(ticks, max.Ticks));
    }

    /// <summary>The first <paramref name="count"/> pauses, for a person (or a test) to read the schedule.</summary>
    public static IEnumerable<TimeSpan> Pauses(int count, TimeSpan first, TimeSpan max) =>
        Enumerable.Range(0, count).Select(i => Pause(i, first, max));
}
