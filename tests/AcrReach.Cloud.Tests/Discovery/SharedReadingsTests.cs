using AcrReach.Cloud.Discovery;

namespace AcrReach.Cloud.Tests.Discovery;

public sealed class SharedReadingsTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly SharedReadings Readings = new(ReadAt, ["cn-beijing", "cn-hangzhou"], [], [], [], []);

    [Fact]
    public void A_shard_starting_soon_after_the_timer_with_the_same_regions_starts_from_its_readings() =>
        Assert.True(Readings.UsableAt(ReadAt + TimeSpan.FromMinutes(5), ["cn-hangzhou", "cn-beijing", "cn-hangzhou"]));

    [Fact]
    public void A_shard_starting_long_after_the_timer_reads_for_itself() =>
        Assert.False(Readings.UsableAt(ReadAt + SharedReadings.MaxAge + TimeSpan.FromSeconds(1), ["cn-beijing", "cn-hangzhou"]));

    [Fact]
    public void A_shard_configured_for_other_regions_reads_for_itself()
    {
        Assert.False(Readings.UsableAt(ReadAt, ["cn-beijing"]));
        Assert.False(Readings.UsableAt(ReadAt, []));
    }
}
