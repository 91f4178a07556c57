using AcrReach.Core.Planning;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Tests.Planning;

public class VerificationTests
{
    [Fact]
    public void Seed_is_not_reachable_before_the_plan_and_is_after()
    {
        var account = Golden.Load("seed-hangzhou-shanghai");

        var before = Planner.Verify(account);
        var after = Planner.Verify(PlanProjection.Apply(account, Planner.Plan(account)));

        Assert.False(before.Reachable);
        Assert.Equal(
            [(EndpointKind.Registry, true), (EndpointKind.Auth, false), (EndpointKind.Oss, false), (EndpointKind.Source, true), (EndpointKind.Source, true)],
            before.Paths.Select(p => (p.Endpoint, p.Reached)));
        Assert.True(after.Reachable);
        Assert.Equal(5, after.Paths.Length);
    }

    [Fact]
    public void Unlinked_same_region_vpc_is_not_reachable()
    {
        var verification = Planner.Verify(Golden.Load("same-region-link"));

        Assert.False(verification.Reachable);
        Assert.Contains(verification.Paths, p => p.Source == "vpc-hz2" && p.Outcome == PathOutcome.NotLinked);
        Assert.Contains(verification.Paths, p => p.Source == "vpc-hz3" && p.Reached);
    }

    [Fact]
    public void Scope_limits_verification_to_one_source()
    {
        var verification = Planner.Verify(Golden.Load("use-replication"), PlanScope.ForSource("vpc-bj1"));

        Assert.All(verification.Paths, p => Assert.Equal("vpc-bj1", p.Source));
        Assert.NotEmpty(verification.Paths);
    }

    [Fact]
    public void Unknown_registry_makes_verification_unreachable()
    {
        Assert.False(Planner.Verify(Golden.Load("unknown-registry-tag"), PlanScope.ForRegistry("cri-gone")).Reachable);
    }
}
