using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering;

/// <summary>How a path ended and what a hop did, in the words explain and the report both print.</summary>
internal static class ExplainWords
{
    public static string Of(PathOutcome outcome) => outcome switch
    {
        PathOutcome.WrongPlace => "delivered to the wrong place",
        PathOutcome.NoRoute => "no route",
        PathOutcome.Dropped => "dropped by a blackhole route",
        PathOutcome.LeftNetwork => "sent out of the transit network",
        PathOutcome.InvalidNextHop => "next hop is not this VPC's attachment",
        PathOutcome.NotAssociated => "attachment not associated with a route table",
        PathOutcome.NotDelivered => "Local route, but no vSwitch holds the address",
        PathOutcome.Loop => "routing loop",
        PathOutcome.HopLimit => "too many hops",
        PathOutcome.NotLinked => "the VPC is not linked to the registry",
        PathOutcome.Unresolved => "the endpoint has no known address",
        _ => outcome.ToString(),
    };

    public static string Of(HopResult result) => result switch
    {
        HopResult.NoRoute => "no route",
        HopResult.Dropped => "dropped (blackhole)",
        HopResult.LeftNetwork => "leaves the transit network",
        HopResult.InvalidNextHop => "not this VPC's attachment",
        HopResult.NotAssociated => "attachment not associated with a route table",
        HopResult.NotDelivered => "no vSwitch holds it",
        HopResult.Loop => "loop",
        _ => result.ToString(),
    };
}
