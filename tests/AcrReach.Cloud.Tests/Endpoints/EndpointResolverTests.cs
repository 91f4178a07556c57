using AcrReach.Cloud.Endpoints;

namespace AcrReach.Cloud.Tests.Endpoints;

public class EndpointResolverTests
{
    private static readonly EndpointResolver Real = new();

    [Theory]
    [InlineData("cn-shanghai", "vpc.cn-shanghai.aliyuncs.com")]
    [InlineData("cn-beijing", "vpc.cn-beijing.aliyuncs.com")]
    [InlineData("ap-southeast-1", "vpc.ap-southeast-1.aliyuncs.com")]
    [InlineData("cn-hangzhou", "vpc.aliyuncs.com")]
    [InlineData("cn-shanghai-finance-1", "vpc.aliyuncs.com")]
    [InlineData("cn-north-2-gov-1", "vpc.aliyuncs.com")]
    [InlineData("cn-zhangjiakou-na62-a01", "vpc.cn-zhangjiakou.aliyuncs.com")]
    [InlineData("cn-edge-1", "vpc-nebula.cn-qingdao-nebula.aliyuncs.com")]
    public void Vpc_is_regional_with_the_sdk_exceptions(string region, string host) =>
        Assert.Equal(new Uri($"https://{host}/"), Real.Resolve(CloudProduct.Vpc, region));

    [Theory]
    [InlineData("cn-hangzhou")]
    [InlineData("us-west-1")]
    [InlineData(null)]
    public void Cbn_and_private_zone_are_central(string? region)
    {
        Assert.Equal(new Uri("https://cbn.aliyuncs.com/"), Real.Resolve(CloudProduct.Cbn, region));
        Assert.Equal(new Uri("https://pvtz.aliyuncs.com/"), Real.Resolve(CloudProduct.Pvtz, region));
    }

    [Theory]
    [InlineData("cn-hangzhou")]
    [InlineData("cn-shanghai")]
    public void Container_registry_is_regional(string region) =>
        Assert.Equal(new Uri($"https://cr.{region}.aliyuncs.com/"), Real.Resolve(CloudProduct.Cr, region));

    [Fact]
    public void A_regional_product_needs_a_region()
    {
        Assert.Throws<ArgumentException>(() => Real.Resolve(CloudProduct.Vpc, null));
        Assert.Throws<ArgumentException>(() => Real.Resolve(CloudProduct.Cr, ""));
    }

    [Fact]
    public void Mns_is_per_account_and_region_with_an_internal_variant()
    {
        Assert.Equal(new Uri("https://1234567890123456.mns.cn-hangzhou.aliyuncs.com/"), Real.ResolveMns("1234567890123456", "cn-hangzhou"));
        Assert.Equal(new Uri("http://1234567890123456.mns.cn-hangzhou-internal.aliyuncs.com/"), Real.ResolveMns("1234567890123456", "cn-hangzhou", internalNetwork: true));
    }

    [Fact]
    public void One_override_sends_every_product_to_the_same_url()
    {
        var local = new EndpointResolver(new Uri("http://127.0.0.1:8080"));
        var expected = new Uri("http://127.0.0.1:8080/");

        foreach (var product in new[] { CloudProduct.Vpc, CloudProduct.Cbn, CloudProduct.Cr, CloudProduct.Pvtz })
        {
            Assert.Equal(expected, local.Resolve(product, "cn-shanghai"));
        }

        Assert.Equal(expected, local.ResolveMns("1234567890123456", "cn-hangzhou", internalNetwork: true));
    }

    [Fact]
    public void An_override_drops_any_path_so_calls_go_to_slash()
    {
        Assert.Equal(new Uri("http://localhost:9000/"), new EndpointResolver(new Uri("http://localhost:9000/some/path?x=1")).Override);
    }

    [Fact]
    public void A_relative_override_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EndpointResolver(new Uri("/relative", UriKind.Relative)));
    }

    [Fact]
    public void Products_carry_their_api_versions_and_ram_codes()
    {
        Assert.Equal(("2016-04-28", "vpc"), (CloudProduct.Vpc.Version, CloudProduct.Vpc.RamCode));
        Assert.Equal(("2017-09-12", "cen"), (CloudProduct.Cbn.Version, CloudProduct.Cbn.RamCode));
        Assert.Equal(("2018-12-01", "cr"), (CloudProduct.Cr.Version, CloudProduct.Cr.RamCode));
        Assert.Equal(("2018-01-01", "pvtz"), (CloudProduct.Pvtz.Version, CloudProduct.Pvtz.RamCode));
        Assert.Equal(("2015-06-06", "mns"), (CloudProduct.Mns.Version, CloudProduct.Mns.RamCode));
    }
}
