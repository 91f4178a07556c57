using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>
/// Container Registry 2018-12-01 (cloud-apis.md §3). Instances are regional: the region comes from RegionId when sent,
/// else from a regional host name (<c>cr.cn-hangzhou.aliyuncs.com</c>); with neither, every instance is listed.
/// CR answers some failures with HTTP 200 and IsSuccess=false; the codes for unknown instances, VPCs and duplicate
/// links are not published (cloud-apis.md §6, item 6), so the ones here are this emulator's choice.
/// </summary>
internal sealed class CrService(CloudState state)
{
    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions)
    {
        actions["ListInstance"] = ListInstance;
        actions["ListInstanceRegion"] = ListInstanceRegion;
        actions["GetInstance"] = GetInstance;
        actions["GetInstanceVpcEndpoint"] = GetInstanceVpcEndpoint;
        actions["CreateInstanceVpcEndpointLinkedVpc"] = CreateLinkedVpc;
    }

    private object ListInstance(ApiRequest request, string requestId)
    {
        var region = Region(request);
        var matching = state.Registries
            .Where(r => state.Visible(request, r.Registry.InstanceId))
            .Where(r => region is null || r.Registry.Region == region)
            .Where(r => request.Optional("InstanceStatus") is null or "RUNNING")
            .Where(r => request.Optional("InstanceName") is not { } name || r.Registry.InstanceName == name)
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 30, maxSize: 100, numberName: "PageNo");
        var created = state.Started.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ListInstanceResponse(requestId, "success", true, page.PageNumber, page.PageSize, page.TotalCount, [.. page.Items.Select(r =>
            new InstanceItem(r.Registry.InstanceId, r.Registry.InstanceName, "Enterprise_Standard", "RUNNING", r.Registry.Region, string.Empty, created, created, Tags(r)))]);
    }

    /// <summary>The real service lists every region it is offered in; here, every region the scenario has something in.</summary>
    private object ListInstanceRegion(ApiRequest request, string requestId) =>
        new ListInstanceRegionResponse(requestId, "success", true, [.. state.Regions.Select(r => new RegionItem(r, r))]);

    /// <summary>A custom OSS bucket and an OSS PrivateLink address are carried as instance tags (the CR API has no field for them).</summary>
    private static List<CrTag> Tags(RegistryState registry)
    {
        var tags = new List<CrTag>();
        if (registry.Registry.OssBucket is { } bucket)
        {
            tags.Add(new CrTag(Core.Reach.ResourceTags.OssBucket, bucket));
        }

        if (registry.Registry.OssPrivateLinkIp is { } privateLink)
        {
            tags.Add(new CrTag(Core.Reach.ResourceTags.OssPrivateLinkIp, privateLink.ToString()));
        }

        return tags;
    }

    private object GetInstance(ApiRequest request, string requestId)
    {
        if (Find(request) is not { } registry)
        {
            return NotFound(requestId);
        }

        var created = state.Started.ToUnixTimeMilliseconds();
        return new GetInstanceResponse(requestId, "success", true, registry.Registry.InstanceId, registry.Registry.InstanceName, "Enterprise_Standard", "RUNNING", registry.Registry.Region, string.Empty, created, created, Tags(registry));
    }

    private object GetInstanceVpcEndpoint(ApiRequest request, string requestId)
    {
        if (Find(request) is not { } registry)
        {
            return NotFound(requestId);
        }

        var module = request.Optional("ModuleName") ?? "Registry";
        if (module is not ("Registry" or "Chart"))
        {
            throw ApiError.Invalid("ModuleName", "It must be Registry or Chart.");
        }

        var domain = $"{registry.Registry.InstanceName}-{(module == "Registry" ? "registry" : "chart")}-vpc.{registry.Registry.Region}.cr.aliyuncs.com";
        return new GetInstanceVpcEndpointResponse(requestId, "success", true, registry.LinkedVpcs.Count > 0, module, [domain], [.. registry.LinkedVpcs.Select(l =>
            new LinkedVpcItem(l.VpcId, l.VswitchId, l.Ip.ToString(), l.Status, false))]);
    }

    private object CreateLinkedVpc(ApiRequest request, string requestId)
    {
        var vpcId = request.Required("VpcId");
        var vswitchId = request.Required("VswitchId");
        if (Find(request) is not { } registry)
        {
            return NotFound(requestId);
        }

        var vpc = state.FindVpc(vpcId);
        if (vpc is null || vpc.Region != registry.Registry.Region)
        {
            return new CrResult(requestId, "VPC_NOT_EXIST", false);
        }

        var vswitch = vpc.VSwitches.FirstOrDefault(s => s.Id == vswitchId);
        if (vswitch is null)
        {
            return new CrResult(requestId, "VSWITCH_NOT_EXIST", false);
        }

        if (registry.LinkedVpcs.Any(l => l.VpcId == vpcId))
        {
            return new CrResult(requestId, "INSTANCE_VPC_ENDPOINT_ALREADY_EXIST", false);
        }

        var link = new LinkedVpcState(vpcId, vswitchId, FreeAddress(vswitch.Cidr)) { Status = "CREATING" };
        registry.LinkedVpcs.Add(link);
        state.Settle(() => link.Status = "RUNNING");
        return new CrResult(requestId, "success", true);
    }

    /// <summary>The first address of the vSwitch past the three the VPC reserves that no registry endpoint uses yet.</summary>
    private IPAddress FreeAddress(IPNetwork vswitch)
    {
        var used = state.Registries.SelectMany(r => r.LinkedVpcs).Select(l => l.Ip).ToHashSet();
        var first = Cidr.ToUInt32(vswitch.BaseAddress) + 3;
        var last = Cidr.ToUInt32(vswitch.LastAddress()) - 1;
        for (var candidate = first; candidate <= last; candidate++)
        {
            var address = Cidr.FromUInt32(candidate);
            if (!used.Contains(address))
            {
                return address;
            }
        }

        throw new ApiError("INSUFFICIENT_IP_ADDRESS", $"No free address is left in {Formats.Cidr(vswitch)}.");
    }

    private RegistryState? Find(ApiRequest request)
    {
        var registry = state.FindRegistry(request.Required("InstanceId"));
        var region = Region(request);
        return registry is null || (region is not null && registry.Registry.Region != region) ? null : registry;
    }

    private static string? Region(ApiRequest request) => request.Optional("RegionId") ?? request.HostRegion;

    private static CrResult NotFound(string requestId) => new(requestId, "INSTANCE_NOT_EXIST", false);
}
