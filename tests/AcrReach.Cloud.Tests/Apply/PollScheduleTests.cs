using AcrReach.Cloud.Apply;

namespace AcrReach.Cloud.Tests.Apply;

public sealed class PollScheduleTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(2);

    [Fact]
    public void Starts_short_and_grows_by_half_each_time_up_to_the_cap()
    {
        Assert.Equal(
            [100, 150, 225, 337.5, 506.25, 759.38, 1139.06, 1708.59, 2000, 2000],
            PollSchedule.Pauses(10, First, Cap).Select(p => Math.Round(p.TotalMilliseconds, 2)));
    }

    [Fact]
    public void A_look_soon_after_a_quick_write_is_in_force_and_never_more_than_the_cap_after_a_slow_one()
    {
        // Looks land at the running sum of the pauses: the first after a write in force at t is at most half of t
        // (plus the first pause) or the cap later.
        foreach (var inForce in new[] { 0.05, 0.3, 0.9, 1.7, 4.2, 30.0 })
        {
            var at = 0.0;
            foreach (var pause in PollSchedule.Pauses(200, First, Cap))
            {
                at += pause.TotalSeconds;
                if (at >= inForce)
                {
                    break;
                }
            }

            Assert.InRange(at - inForce, 0, Math.Min((inForce / 2) + First.TotalSeconds, Cap.TotalSeconds));
        }
    }

    [Theory]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Stays_at_the_cap_however_many_looks_came_before(int pause)
    {
        Assert.Equal(Cap, PollSchedule.Pause(pause, First, Cap));
    }

    [Fact]
    public void A_first_pause_over_the_cap_is_the_cap()
    {
        Assert.Equal(Cap, PollSchedule.Pause(0, TimeSpan.FromSeconds(5), Cap));
    }
}
