using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Tests.OpenApi;

/// <summary>Every OpenAPI vector of /work/shared/reference/signing-vectors.md, published ones first.</summary>
public class SigningVectorTests
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static ApiParameters Parameters(params (string Name, string Value)[] values)
    {
        var parameters = new ApiParameters();
        foreach (var (name, value) in values)
        {
            parameters.Set(name, value);
        }

        return parameters;
    }

    [Fact]
    public void P1_published_rpc_get_describe_regions()
    {
        var signature = RpcSigner.Sign(
            "GET",
            Parameters(
                ("AccessKeyId", "testid"),
                ("Action", "DescribeRegions"),
                ("Format", "XML"),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
                ("SignatureVersion", "1.0"),
                ("Timestamp", "2016-02-23T12:46:24Z"),
                ("Version", "2014-05-26")),
            "testsecret");

        Assert.Equal(
            "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26",
            signature.CanonicalQuery);
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            signature.StringToSign);
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", signature.Signature);
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D", PercentEncoding.Encode(signature.Signature));
    }

    [Fact]
    public void P2_published_rpc_get_describe_dedicated_hosts()
    {
        var signature = RpcSigner.Sign(
            "GET",
            Parameters(
                ("AccessKeyId", "testid"),
                ("Action", "DescribeDedicatedHosts"),
                ("Format", "JSON"),
                ("RegionId", "cn-beijing"),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb"),
                ("SignatureVersion", "1.0"),
                ("Timestamp", "2023-03-13T08:34:30Z"),
                ("Version", "2014-05-26")),
            "testsecret");

        Assert.Equal(
            "AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26",
            signature.CanonicalQuery);
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26",
            signature.StringToSign);
        Assert.Equal("9NaGiOspFP5UPcwX8Iwt2YJXXuk=", signature.Signature);
    }

    [Fact]
    public void P3_published_v3_post_run_instances()
    {
        var signature = Acs3Signer.Sign(
            "POST",
            "/",
            Parameters(("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), ("RegionId", "cn-shanghai")),
            [
                new("host", "ecs.cn-shanghai.aliyuncs.com"),
                new("x-acs-action", "RunInstances"),
                new("x-acs-version", "2014-05-26"),
                new("x-acs-date", "2023-10-26T10:22:32Z"),
                new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
                new("x-acs-content-sha256", EmptyHash),
            ],
            EmptyHash,
            "YourAccessKeyId",
            "YourAccessKeySecret");

        Assert.Equal(
            """
            POST
            /
            ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai
            host:ecs.cn-shanghai.aliyuncs.com
            x-acs-action:RunInstances
            x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-acs-date:2023-10-26T10:22:32Z
            x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d
            x-acs-version:2014-05-26

            host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """,
            signature.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", signature.StringToSign);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signature.Signature);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            signature.Authorization);
    }

    [Fact]
    public void G1_v3_get_with_sts_token_signs_access_key_id_and_token_and_encodes_special_characters()
    {
        var signature = Acs3Signer.Sign(
            "GET",
            "/",
            Parameters(
                ("Keyword", "a b*c~d/e:f+g"),
                ("Lang", "en"),
                ("PageNumber", "1"),
                ("PageSize", "20"),
                ("QueryRegionId", "cn-hangzhou"),
                ("QueryVpcId", "vpc-test123")),
            [
                new("host", "pvtz.aliyuncs.com"),
                new("x-acs-action", "DescribeZones"),
                new("x-acs-version", "2018-01-01"),
                new("x-acs-date", "2024-01-02T03:04:05Z"),
                new("x-acs-signature-nonce", "nonce-g1-0001"),
                new("x-acs-content-sha256", EmptyHash),
                new("x-acs-accesskey-id", "STS.testid"),
                new("x-acs-security-token", "CAIS-test-token=="),
                new("accept", "application/json"),
                new("user-agent", "AcrReach/test"),
            ],
            EmptyHash,
            "STS.testid",
            "testsecret");

        Assert.Equal(
            """
            GET
            /
            Keyword=a%20b%2Ac~d%2Fe%3Af%2Bg&Lang=en&PageNumber=1&PageSize=20&QueryRegionId=cn-hangzhou&QueryVpcId=vpc-test123
            host:pvtz.aliyuncs.com
            x-acs-accesskey-id:STS.testid
            x-acs-action:DescribeZones
            x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-acs-date:2024-01-02T03:04:05Z
            x-acs-security-token:CAIS-test-token==
            x-acs-signature-nonce:nonce-g1-0001
            x-acs-version:2018-01-01

            host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """,
            signature.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n9318c4dba6b870f517fef2d96cee00dd362ddcc9e0b38dbb26f8d39f7ba46a27", signature.StringToSign);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=STS.testid,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=ad027dd8b322845058037e9d4b8922cf3eee2a01a59feb4c439e1f2528a11ae7",
            signature.Authorization);
    }

    [Fact]
    public void G2_v3_post_with_form_body_signs_content_type_and_body_hash()
    {
        var body = "DestinationCidrBlock=10.0.0.0%2F16&NextHopId=tr-123&NextHopType=Attachment&RegionId=cn-hangzhou&RouteTableId=vtb-123"u8;
        var payloadHash = Acs3Signer.Sha256Hex(body);
        var signature = Acs3Signer.Sign(
            "POST",
            "/",
            new ApiParameters(),
            [
                new("content-type", "application/x-www-form-urlencoded"),
                new("host", "vpc.cn-hangzhou.aliyuncs.com"),
                new("x-acs-action", "CreateRouteEntry"),
                new("x-acs-version", "2016-04-28"),
                new("x-acs-date", "2024-01-02T03:04:05Z"),
                new("x-acs-signature-nonce", "nonce-g2-0002"),
                new("x-acs-content-sha256", payloadHash),
            ],
            payloadHash,
            "testid",
            "testsecret");

        Assert.Equal("d5bb2a280eeb4915ff2a9f18d417b3d1d60ce2d59e1a02101d6d26c70b56839a", payloadHash);
        Assert.StartsWith("POST\n/\n\ncontent-type:application/x-www-form-urlencoded\n", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("ACS3-HMAC-SHA256\nd1b1f819a0535da4950c4b614073382673d58db5a4e624e2366adb1147947122", signature.StringToSign);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e0e251fb49cbbc39ca25b8dc1370220d270c9bca9f6dd610d6ae093df026eac3",
            signature.Authorization);
    }

    [Fact]
    public void G3_v3_post_with_flattened_list_parameters_in_the_query()
    {
        var signature = Acs3Signer.Sign(
            "POST",
            "/",
            Parameters(
                ("ZoneId", "zone-123"),
                ("Vpcs.2.VpcId", "vpc-bbb"),
                ("Vpcs.1.RegionId", "cn-hangzhou"),
                ("Vpcs.2.RegionId", "cn-shanghai"),
                ("Vpcs.1.VpcId", "vpc-aaa")),
            [
                new("host", "pvtz.aliyuncs.com"),
                new("x-acs-action", "BindZoneVpc"),
                new("x-acs-version", "2018-01-01"),
                new("x-acs-date", "2024-01-02T03:04:05Z"),
                new("x-acs-signature-nonce", "nonce-g3-0003"),
                new("x-acs-content-sha256", EmptyHash),
            ],
            EmptyHash,
            "testid",
            "testsecret");

        Assert.Contains(
            "\nVpcs.1.RegionId=cn-hangzhou&Vpcs.1.VpcId=vpc-aaa&Vpcs.2.RegionId=cn-shanghai&Vpcs.2.VpcId=vpc-bbb&ZoneId=zone-123\n",
            signature.CanonicalRequest,
            StringComparison.Ordinal);
        Assert.Equal("ACS3-HMAC-SHA256\n4829ad1bc09a0478825ad7b6d1f43ddc7df2a2bbbf5a6ec270702b683def5c78", signature.StringToSign);
        Assert.Equal("ab014eb2cbc63fb951aff6b103ff161ffcf61b19b45a8fdf752cef547aba9287", signature.Signature);
    }

    [Fact]
    public void G4_rpc_post_with_security_token_reserved_characters_and_non_ascii()
    {
        var signature = RpcSigner.Sign(
            "POST",
            Parameters(
                ("AccessKeyId", "STS.testid"),
                ("Action", "AddZoneRecord"),
                ("Format", "JSON"),
                ("Remark", "测试 a~b!c'd(e)"),
                ("Rr", "*"),
                ("SecurityToken", "CAIS+token/="),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureNonce", "nonce-g4-0004"),
                ("SignatureVersion", "1.0"),
                ("Timestamp", "2024-01-02T03:04:05Z"),
                ("Type", "A"),
                ("Value", "10.0.0.1"),
                ("Version", "2018-01-01"),
                ("ZoneId", "zone-123")),
            "testsecret");

        Assert.Equal(
            "AccessKeyId=STS.testid&Action=AddZoneRecord&Format=JSON&Remark=%E6%B5%8B%E8%AF%95%20a~b%21c%27d%28e%29&Rr=%2A&SecurityToken=CAIS%2Btoken%2F%3D&SignatureMethod=HMAC-SHA1&SignatureNonce=nonce-g4-0004&SignatureVersion=1.0&Timestamp=2024-01-02T03%3A04%3A05Z&Type=A&Value=10.0.0.1&Version=2018-01-01&ZoneId=zone-123",
            signature.CanonicalQuery);
        Assert.Equal(
            "POST&%2F&AccessKeyId%3DSTS.testid%26Action%3DAddZoneRecord%26Format%3DJSON%26Remark%3D%25E6%25B5%258B%25E8%25AF%2595%2520a~b%2521c%2527d%2528e%2529%26Rr%3D%252A%26SecurityToken%3DCAIS%252Btoken%252F%253D%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dnonce-g4-0004%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-02T03%253A04%253A05Z%26Type%3DA%26Value%3D10.0.0.1%26Version%3D2018-01-01%26ZoneId%3Dzone-123",
            signature.StringToSign);
        Assert.Equal("aPj1a34nvlBgN0WuIR17rVRSraA=", signature.Signature);
    }

    [Fact]
    public void G5_rpc_get_sorts_ordinally_so_version_comes_before_flattened_vpcs()
    {
        var signature = RpcSigner.Sign(
            "GET",
            Parameters(
                ("Vpcs.1.VpcId", "vpc-aaa"),
                ("ZoneId", "zone-123"),
                ("Vpcs.1.RegionId", "cn-hangzhou"),
                ("AccessKeyId", "testid"),
                ("Action", "BindZoneVpc"),
                ("Format", "JSON"),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureNonce", "nonce-g5-0005"),
                ("SignatureVersion", "1.0"),
                ("Timestamp", "2024-01-02T03:04:05Z"),
                ("Version", "2018-01-01")),
            "testsecret");

        Assert.Equal(
            "AccessKeyId=testid&Action=BindZoneVpc&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=nonce-g5-0005&SignatureVersion=1.0&Timestamp=2024-01-02T03%3A04%3A05Z&Version=2018-01-01&Vpcs.1.RegionId=cn-hangzhou&Vpcs.1.VpcId=vpc-aaa&ZoneId=zone-123",
            signature.CanonicalQuery);
        Assert.Equal("Dp0QyANy6iVGdETu+JKw9HXtV2s=", signature.Signature);
    }
}
