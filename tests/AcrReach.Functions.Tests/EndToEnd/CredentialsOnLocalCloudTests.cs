using AcrReach.Cloud.Credentials;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>Every cloud call is signed with the invocation's own credentials: FC's x-fc-* headers, else the environment's.</summary>
public sealed class CredentialsOnLocalCloudTests
{
    [Fact]
    public async Task A_wrong_secret_in_the_fc_headers_fails_the_run_with_the_clouds_refusal_and_changes_nothing()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        var headers = CloudRig.RoleHeaders.Select(h => h.Name == "x-fc-access-key-secret" ? (h.Name, "not-the-secret") : h);

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), headers: headers);

        Assert.Equal("404", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Failed", report.GetProperty("outcome").GetString());
        Assert.Equal("SignatureDoesNotMatch", report.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("SignatureDoesNotMatch", report.GetProperty("notification").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.MarkedRoutes());
        Assert.Empty(rig.Messages());
    }

    [Fact]
    public async Task Uses_the_environment_credentials_when_the_request_carries_none()
    {
        await using var rig = await CloudRig.StartAsync(
            FunctionKind.OnAttachment,
            configure: config => config with { EnvironmentCredentials = new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret) });

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), headers: []);

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
    }

    [Fact]
    public async Task The_fc_headers_win_over_the_environment_credentials()
    {
        await using var rig = await CloudRig.StartAsync(
            FunctionKind.OnAttachment,
            configure: config => config with { EnvironmentCredentials = new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, "a-stale-environment-secret") });

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
    }
}
