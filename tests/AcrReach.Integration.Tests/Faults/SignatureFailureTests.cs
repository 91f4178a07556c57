using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Integration.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>Credentials the local cloud does not accept: a permanent error, never retried, and nothing changes.</summary>
public sealed class SignatureFailureTests
{
    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch_not_retried_and_changes_nothing(SignatureStyle style, bool sts)
    {
        await using var rig = await Rig.StartAsync(client: o => o with
        {
            Signature = style,
            Credentials = new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, "not-the-secret", sts ? "CAIS-token" : null)),
        });
        var before = rig.State();

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai));

        Assert.Equal(("SignatureDoesNotMatch", 400, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal(1, rig.Calls("CreateRouteEntry"));
        Assert.Equal(before, rig.State());
    }

    [Fact]
    public async Task A_wrong_secret_on_mns_is_SignatureDoesNotMatch_not_retried_and_queues_nothing()
    {
        await using var rig = await Rig.StartAsync(client: o => o with
        {
            Credentials = new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, "not-the-secret")),
        });

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            rig.Apis.Mns(rig.Server.AccountId, Rig.Hangzhou).SendMessageAsync(new SendMessageRequest { QueueName = LocalCloudOptions.DefaultQueueName, MessageBody = "{}" }));

        Assert.Equal(("SignatureDoesNotMatch", 403, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(1, rig.Calls("SendMessage"));
        Assert.Empty(rig.Server.Messages(LocalCloudOptions.DefaultQueueName));
    }

    [Theory]
    [InlineData(SignatureStyle.V3)]
    [InlineData(SignatureStyle.Rpc)]
    public async Task An_unknown_access_key_is_InvalidAccessKeyId_NotFound_and_not_retried(SignatureStyle style)
    {
        await using var rig = await Rig.StartAsync(client: o => o with
        {
            Signature = style,
            Credentials = new StaticCredentialProvider(new CloudCredentials("LTAI-someone-else", LocalCloudOptions.DefaultAccessKeySecret)),
        });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1" }));

        Assert.Equal(("InvalidAccessKeyId.NotFound", 404, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal(1, rig.Calls("ListTransitRouters"));
    }
}
