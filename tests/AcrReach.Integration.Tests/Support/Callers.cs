using AcrReach.Cloud.OpenApi;

namespace AcrReach.Integration.Tests.Support;

/// <summary>The ways the client can sign: both signature styles, each with a plain AccessKey and with an STS token.</summary>
public static class Callers
{
    public static TheoryData<SignatureStyle, bool> All => new()
    {
        { SignatureStyle.V3, false },
        { SignatureStyle.Rpc, false },
        { SignatureStyle.V3, true },
        { SignatureStyle.Rpc, true },
    };

    /// <summary>A rig whose client signs in <paramref name="style"/>, with an STS token when <paramref name="sts"/>.</summary>
    public static Task<Rig> StartAsync(SignatureStyle style, bool sts, AcrReach.Core.Topology.Account? account = null) =>
        Rig.StartAsync(account, client: o => o with
        {
            Signature = style,
            Credentials = new AcrReach.Cloud.Credentials.StaticCredentialProvider(sts ? Rig.StsToken : Rig.AccessKey),
        });
}
