using AcrReach.Cloud.Discovery;

namespace AcrReach.Cloud.Tests.Discovery;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Reads_the_realm_of_a_bearer_challenge()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("Www-Authenticate", "Bearer realm=\"https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth\",service=\"registry.aliyuncs.com:cn-hangzhou:1\"");

        Assert.Equal(new Uri("https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth"), AuthChallenge.Realm(response.Headers));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("service=\"x\"")]
    [InlineData("realm=\"not a url\"")]
    public void A_challenge_without_a_usable_realm_has_none(string? parameters) => Assert.Null(AuthChallenge.Realm(parameters));
}
