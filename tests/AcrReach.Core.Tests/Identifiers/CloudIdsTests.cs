using AcrReach.Core;
using AcrReach.Core.Identifiers;

namespace AcrReach.Core.Tests.Identifiers;

public sealed class CloudIdsTests
{
    [Theory]
    [InlineData("cn-hangzhou")]
    [InlineData("ap-southeast-1")]
    [InlineData("cn-shanghai-finance-1")]
    [InlineData("us-west-1")]
    public void Accepts_region_ids(string region) => Assert.True(CloudIds.IsRegion(region));

    [Theory]
    [InlineData("x@127.0.0.1:8080/#")]
    [InlineData("cn-hangzhou.evil.com")]
    [InlineData("cn-hangzhou/")]
    [InlineData("CN-HANGZHOU")]
    [InlineData("cn")]
    [InlineData("cn-hangzhou\u200b")]
    [InlineData("cn-hangzhou\n")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("cn-a-b-c-d")]
    public void Refuses_anything_that_is_not_a_region_id(string? region) => Assert.False(CloudIds.IsRegion(region));

    [Theory]
    [InlineData("vpc-sh1", true)]
    [InlineData("tr-attach-0abc", true)]
    [InlineData("cri-x1y2", true)]
    [InlineData("vpc-sh1\u202e", false)]
    [InlineData("vpc-\u200dsh1", false)]
    [InlineData("vpc sh1", false)]
    [InlineData("vpc-sh1/../x", false)]
    [InlineData("vpc", false)]
    public void Resource_ids_are_prefix_hyphen_and_ascii(string id, bool valid) => Assert.Equal(valid, CloudIds.IsResourceId(id));

    [Theory]
    [InlineData("1234567890123456", true)]
    [InlineData("1234@evil", false)]
    [InlineData("", false)]
    public void Account_ids_are_digits(string id, bool valid) => Assert.Equal(valid, CloudIds.IsAccountId(id));

    [Fact]
    public void A_bad_region_is_bad_input_naming_the_source_and_showing_invisible_characters()
    {
        var error = Assert.Throws<InvalidInputException>(() => CloudIds.RequireRegion("cn-hangzhou\u200b", "--region", "$"));
        Assert.Equal("--region", error.File);
        Assert.Contains("'cn-hangzhou\\u200b' is not a region id", error.Reason, StringComparison.Ordinal);
    }
}
