using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Signing;

/// <summary>The tests' signer reproduces the published vectors (signing-vectors.md), so what it signs is what the SDKs sign.</summary>
public sealed class TestSignerVectorTests
{
    [Fact]
    public void Reproduces_published_acs3_vector_P3()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "ecs.cn-shanghai.aliyuncs.com",
            ["x-acs-action"] = "RunInstances",
            ["x-acs-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ["x-acs-date"] = "2023-10-26T10:22:32Z",
            ["x-acs-signature-nonce"] = "3156853299f313e23d1673dc12e1703d",
            ["x-acs-version"] = "2014-05-26",
        };
        var query = TestSigner.CanonicalQuery(new Dictionary<string, string> { ["ImageId"] = "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", ["RegionId"] = "cn-shanghai" });

        var authorization = TestSigner.Acs3Authorization("POST", query, headers, TestSigner.Sha256Hex([]), "YourAccessKeyId", "YourAccessKeySecret");

        Assert.EndsWith("Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", authorization);
    }

    [Fact]
    public void Reproduces_published_rpc_vector_P1()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid", ["Action"] = "DescribeRegions", ["Format"] = "XML", ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", ["SignatureVersion"] = "1.0", ["Timestamp"] = "2016-02-23T12:46:24Z", ["Version"] = "2014-05-26",
        };

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", TestSigner.RpcSignature("GET", parameters, "testsecret"));
    }

    [Fact]
    public void Reproduces_rpc_vector_G4_with_special_characters_and_a_token()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "STS.testid", ["Action"] = "AddZoneRecord", ["Format"] = "JSON", ["Remark"] = "测试 a~b!c'd(e)", ["Rr"] = "*",
            ["SecurityToken"] = "CAIS+token/=", ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "nonce-g4-0004", ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2024-01-02T03:04:05Z", ["Type"] = "A", ["Value"] = "10.0.0.1", ["Version"] = "2018-01-01", ["ZoneId"] = "zone-123",
        };

        Assert.Equal("aPj1a34nvlBgN0WuIR17rVRSraA=", TestSigner.RpcSignature("POST", parameters, "testsecret"));
    }

    [Fact]
    public void Reproduces_mns_vector_M1()
    {
        var signature = TestSigner.MnsSignature("POST", "NjM2ZDdiNDcxNjExMmUwYWIxMzY4Njc0N2RhNDU0MTc=", "text/xml", "Tue, 02 Jan 2024 03:04:05 GMT",
            new Dictionary<string, string> { ["x-mns-date"] = "Tue, 02 Jan 2024 03:04:05 GMT", ["x-mns-version"] = "2015-06-06" }, "/queues/test-queue/messages", "testsecret");

        Assert.Equal("S+BFWg8cgimAK917E/b9KodJhHY=", signature);
    }
}
