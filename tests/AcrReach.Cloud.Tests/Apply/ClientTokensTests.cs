using AcrReach.Cloud.Apply;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Tests.Apply;

public sealed class ClientTokensTests
{
    private static readonly CreateVpcRoute Route = new("vtb-sh2", Cidr.Parse("100.103.7.181/32"), "Attachment", "tr-attach-sh2", "cn-shanghai", "vpc-sh2", "auth");

    [Fact]
    public void The_same_change_gets_the_same_token_in_every_run()
    {
        Assert.Equal(ClientTokens.For(Route), ClientTokens.For(Route with { }));
        Assert.Equal(ClientTokens.ForZone("a.example"), ClientTokens.ForZone("a.example"));
    }

    [Fact]
    public void Another_destination_next_hop_description_or_generation_gets_another_token()
    {
        var tokens = new[]
        {
            ClientTokens.For(Route),
            ClientTokens.For(Route with { Destination = Cidr.Parse("100.103.7.182/32") }),
            ClientTokens.For(Route with { NextHopId = "tr-attach-other" }),
            ClientTokens.For(Route with { Reason = "other" }),
            ClientTokens.For(Route, generation: 2),
            ClientTokens.For(new CreateTransitRoute(Route.RouteTableId, Route.Destination, Route.NextHopId, Route.Region, "tr", Route.Reason)),
        };

        Assert.Equal(tokens.Length, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Tokens_are_ascii_and_at_most_64_characters()
    {
        var token = ClientTokens.For(Route, generation: 999_999);

        Assert.InRange(token.Length, 1, ClientTokens.MaxLength);
        Assert.All(token, c => Assert.True(char.IsAscii(c)));
        Assert.StartsWith("acr-reach-", token, StringComparison.Ordinal);
    }
}
