using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>What the deployment's variables ask of the engine (ACR_REACH_POLICY_FILE, ACR_REACH_PRIVATE_ZONE) reaches the runs.</summary>
public sealed class ConfigurationOnLocalCloudTests
{
    [Fact]
    public async Task Runs_with_the_policy_file_the_configuration_names()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"acr-reach-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policy, """{ "policy": { "transitRouteScope": "HostRoutes" } }""");
        try
        {
            await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: config => config with { PolicyFile = policy });

            using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

            Assert.Equal("200", response.FcStatus());
            var routes = rig.MarkedRoutes();
            Assert.Contains("vtb-trsh 100.103.7.181/32 -> tr-attach-peer", routes);
            Assert.DoesNotContain(routes, r => r.Contains("100.0.0.0/8", StringComparison.Ordinal));
            rig.AssertConverged();
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public async Task Makes_the_dns_records_in_private_zone_when_configured_to()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: config => config with { PrivateZone = true });

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

        Assert.Equal("200", response.FcStatus());
        var zones = rig.Cloud.Snapshot().PrivateZones;
        Assert.NotEmpty(zones);
        Assert.All(zones, zone => Assert.Contains(zone.Vpcs, binding => binding.VpcId == "vpc-sh2"));
        Assert.Contains(zones.SelectMany(z => z.Records), record => record.Value == "10.94.205.198");
    }

    [Fact]
    public async Task Makes_no_private_zone_by_default()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

        Assert.Equal("200", response.FcStatus());
        Assert.Empty(rig.Cloud.Snapshot().PrivateZones);
        Assert.False(rig.Cloud.Calls().ContainsKey("AddZone"));
    }
}
