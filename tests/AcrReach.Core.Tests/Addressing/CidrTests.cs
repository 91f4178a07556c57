using System.Net;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Tests.Addressing;

public class CidrTests
{
    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    [InlineData("10.0.0.0/8", "10.0.0.0", 8)]
    [InlineData("192.168.1.0/24", "192.168.1.0", 24)]
    [InlineData("10.1.2.3/32", "10.1.2.3", 32)]
    [InlineData("255.255.255.255/32", "255.255.255.255", 32)]
    public void Canonical_cidrs_parse_to_their_base_and_prefix(string text, string baseAddress, int prefix)
    {
        Assert.True(Cidr.TryParseCanonical(text, out var network, out var problem), problem);

        Assert.Equal(IPAddress.Parse(baseAddress), network.BaseAddress);
        Assert.Equal(prefix, network.PrefixLength);
        Assert.Equal(text, Cidr.Format(network));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("::/0")]
    [InlineData("2001:db8::/32")]
    [InlineData("ten.0.0.0/8")]
    [InlineData(" 10.0.0.0/8")]
    public void Malformed_cidrs_are_refused_with_a_problem(string text)
    {
        Assert.False(Cidr.TryParseCanonical(text, out var network, out var problem));

        Assert.Contains(text, problem);
        Assert.Equal(default, network);
        Assert.Throws<FormatException>(() => Cidr.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_cidr_is_refused_as_empty(string? text)
    {
        Assert.False(Cidr.TryParseCanonical(text, out _, out var problem));

        Assert.Contains("empty", problem);
    }

    [Fact]
    public void Missing_prefix_suggests_the_single_address_form()
    {
        Assert.False(Cidr.TryParseCanonical("10.1.2.3", out _, out var problem));

        Assert.Contains("10.1.2.3/32", problem);
    }

    [Theory]
    [InlineData("10.0.0.1/24", "10.0.0.0/24")]
    [InlineData("10.1.0.0/8", "10.0.0.0/8")]
    [InlineData("1.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.129/25", "192.168.1.128/25")]
    public void Host_bits_are_refused_naming_the_canonical_form(string text, string canonical)
    {
        Assert.False(Cidr.TryParseCanonical(text, out _, out var problem));

        Assert.Contains("host bits", problem);
        Assert.Contains(canonical, problem);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void Canonical_addresses_parse(string text)
    {
        Assert.True(Cidr.TryParseCanonicalAddress(text, out var address, out var problem), problem);

        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("10.0.0.01")]
    [InlineData("10.0.1")]
    [InlineData("167772161")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("10.0.0.1/32")]
    [InlineData("")]
    public void Non_canonical_addresses_are_refused(string text)
    {
        Assert.False(Cidr.TryParseCanonicalAddress(text, out var address, out var problem));

        Assert.Null(address);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Theory]
    [InlineData(0, 0x00000000u)]
    [InlineData(1, 0x80000000u)]
    [InlineData(8, 0xFF000000u)]
    [InlineData(23, 0xFFFFFE00u)]
    [InlineData(31, 0xFFFFFFFEu)]
    [InlineData(32, 0xFFFFFFFFu)]
    public void Mask_has_the_prefix_length_of_leading_ones(int prefix, uint mask) =>
        Assert.Equal(mask, Cidr.Mask(prefix));

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("0.0.0.1", 1u)]
    [InlineData("10.1.2.3", 0x0A010203u)]
    [InlineData("128.0.0.0", 0x80000000u)]
    [InlineData("255.255.255.255", uint.MaxValue)]
    public void Addresses_convert_to_and_from_big_endian_integers(string text, uint value)
    {
        var address = IPAddress.Parse(text);

        Assert.Equal(value, Cidr.ToUInt32(address));
        Assert.Equal(address, Cidr.FromUInt32(value));
    }

    [Fact]
    public void An_ipv6_address_has_no_integer_form() =>
        Assert.Throws<ArgumentException>(() => Cidr.ToUInt32(IPAddress.IPv6Loopback));

    [Theory]
    [InlineData("10.1.2.3", 0, "0.0.0.0")]
    [InlineData("10.1.2.3", 8, "10.0.0.0")]
    [InlineData("10.1.2.3", 23, "10.1.2.0")]
    [InlineData("10.1.3.3", 23, "10.1.2.0")]
    [InlineData("10.1.2.3", 32, "10.1.2.3")]
    public void Truncate_clears_the_host_bits(string address, int prefix, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), Cidr.Truncate(IPAddress.Parse(address), prefix));

    [Theory]
    [InlineData("0.0.0.0/0", "255.255.255.255")]
    [InlineData("10.0.0.0/8", "10.255.255.255")]
    [InlineData("192.168.1.128/25", "192.168.1.255")]
    [InlineData("10.1.2.3/32", "10.1.2.3")]
    public void Last_address_is_the_broadcast_of_the_block(string cidr, string last) =>
        Assert.Equal(IPAddress.Parse(last), Cidr.Parse(cidr).LastAddress());

    [Theory]
    [InlineData("0.0.0.0/0", "10.0.0.0/8", true)]
    [InlineData("0.0.0.0/0", "255.255.255.255/32", true)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255/32", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0/32", false)]
    [InlineData("10.0.0.0/8", "0.0.0.0/0", false)]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.1.2.3/32", "10.1.2.3/32", true)]
    [InlineData("10.1.2.3/32", "10.1.2.4/32", false)]
    [InlineData("192.168.0.0/24", "192.168.1.0/24", false)]
    public void Contains_network_means_wholly_inside_or_equal(string outer, string inner, bool contains) =>
        Assert.Equal(contains, Cidr.Parse(outer).ContainsNetwork(Cidr.Parse(inner)));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "0.0.0.0/0", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/24", "10.0.1.0/24", false)]
    [InlineData("10.0.0.0/23", "10.0.1.0/24", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0/8", false)]
    [InlineData("10.1.2.3/32", "10.1.2.3/32", true)]
    [InlineData("10.1.2.3/32", "10.1.2.2/31", true)]
    [InlineData("10.1.2.3/32", "10.1.2.4/31", false)]
    public void Overlap_is_symmetric_and_needs_a_shared_address(string a, string b, bool overlaps)
    {
        var (x, y) = (Cidr.Parse(a), Cidr.Parse(b));

        Assert.Equal(overlaps, x.Overlaps(y));
        Assert.Equal(overlaps, y.Overlaps(x));
    }

    [Fact]
    public void Networks_order_by_address_as_numbers_then_by_prefix()
    {
        string[] shuffled = ["10.0.0.0/16", "9.0.0.0/8", "10.0.0.0/8", "100.0.0.0/8", "10.0.0.0/32", "0.0.0.0/0", "10.2.0.0/16"];

        var sorted = shuffled.Select(Cidr.Parse).Order(Comparer<IPNetwork>.Create(Cidr.Compare)).Select(Cidr.Format);

        Assert.Equal(["0.0.0.0/0", "9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "10.0.0.0/32", "10.2.0.0/16", "100.0.0.0/8"], sorted);
    }

    [Fact]
    public void Addresses_compare_numerically_not_as_text()
    {
        Assert.True(Cidr.Compare(IPAddress.Parse("9.255.255.255"), IPAddress.Parse("10.0.0.0")) < 0);
        Assert.True(Cidr.Compare(IPAddress.Parse("200.0.0.0"), IPAddress.Parse("100.0.0.0")) > 0);
        Assert.Equal(0, Cidr.Compare(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void Well_known_blocks_nest_as_documented()
    {
        Assert.Equal("0.0.0.0/0", Cidr.Format(Cidr.Any));
        Assert.Equal("100.0.0.0/8", Cidr.Format(Cidr.Block100));
        Assert.Equal("100.64.0.0/10", Cidr.Format(Cidr.CloudServices));
        Assert.True(Cidr.Block100.ContainsNetwork(Cidr.CloudServices));
        Assert.True(Cidr.CloudServices.Contains(IPAddress.Parse("100.100.2.136")));
    }

    [Fact]
    public void Host_is_a_single_address_network()
    {
        var host = Cidr.Host(IPAddress.Parse("10.1.2.3"));

        Assert.Equal("10.1.2.3/32", Cidr.Format(host));
        Assert.Equal(host.BaseAddress, host.LastAddress());
    }
}
