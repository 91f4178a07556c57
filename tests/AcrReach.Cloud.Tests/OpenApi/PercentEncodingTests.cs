using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Tests.OpenApi;

public class PercentEncodingTests
{
    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("+", "%2B")]
    [InlineData("/", "%2F")]
    [InlineData(":", "%3A")]
    [InlineData("=", "%3D")]
    [InlineData("&", "%26")]
    [InlineData("!'()", "%21%27%28%29")]
    [InlineData("-_.", "-_.")]
    [InlineData("AZaz09", "AZaz09")]
    [InlineData("测", "%E6%B5%8B")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void Encodes_as_rfc3986_with_upper_case_hex(string value, string encoded) =>
        Assert.Equal(encoded, PercentEncoding.Encode(value));

    [Fact]
    public void Encodes_long_values_beyond_the_stack_buffer()
    {
        var value = string.Concat(Enumerable.Repeat("测 ", 200));

        var encoded = PercentEncoding.Encode(value);

        Assert.Equal(string.Concat(Enumerable.Repeat("%E6%B5%8B%20", 200)), encoded);
    }

    [Fact]
    public void Canonical_query_sorts_names_ordinally_and_encodes_names_and_values()
    {
        var parameters = new ApiParameters()
            .Set("b", "2")
            .Set("Vpcs.1.VpcId", "vpc a")
            .Set("Version", "x")
            .Set("a", "1");

        Assert.Equal("Version=x&Vpcs.1.VpcId=vpc%20a&a=1&b=2", parameters.ToCanonicalQuery());
    }

    [Fact]
    public void Empty_values_keep_their_equals_sign()
    {
        var parameters = new ApiParameters().Set("Keyword", "");

        Assert.Equal("Keyword=", parameters.ToCanonicalQuery());
    }
}
