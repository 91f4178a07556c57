using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>
/// VPC 2016-04-28 tag calls for ResourceType VPC: TagResources, UnTagResources, ListTagResources. Parameters as the
/// official model names them (@alicloud/vpc20160428: ResourceId.N, Tag.N.Key/Value, TagKey.N, All, MaxResults,
/// NextToken); a person or a test removes a VPC's <c>acr-reach</c> tag with them. Other resource types are refused.
/// </summary>
internal sealed class VpcTagService(CloudState state)
{
    private const int MaxResourceIds = 50;
    private const int MaxTags = 20;

    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions)
    {
        actions["TagResources"] = TagResources;
        actions["UnTagResources"] = UnTagResources;
        actions["ListTagResources"] = ListTagResources;
    }

    private object TagResources(ApiRequest request, string requestId)
    {
        var vpcs = Resources(request, required: true);
        var tags = request.Objects("Tag");
        if (tags.Count == 0)
        {
            throw ApiError.Missing("Tag.N.Key");
        }

        if (tags.Count > MaxTags)
        {
            throw ApiError.Invalid("Tag", $"at most {MaxTags} tags");
        }

        var pairs = tags.Select(t => (Key: t.GetValueOrDefault("Key") ?? throw ApiError.Missing("Tag.N.Key"), Value: t.GetValueOrDefault("Value") ?? string.Empty)).ToList();
        foreach (var (key, _) in pairs)
        {
            if (key.Length is 0 or > 128 || key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase) || key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiError.Invalid("Tag.N.Key", "The tag key is invalid.");
            }
        }

        foreach (var vpc in vpcs)
        {
            foreach (var (key, value) in pairs)
            {
                vpc.Tags[key] = value;
            }
        }

        return new RequestIdOnly(requestId);
    }

    private object UnTagResources(ApiRequest request, string requestId)
    {
        var vpcs = Resources(request, required: true);
        var keys = request.List("TagKey");
        var all = request.Bool("All") == true;
        if (keys.Count > MaxTags)
        {
            throw ApiError.Invalid("TagKey", $"at most {MaxTags} tag keys");
        }

        foreach (var vpc in vpcs)
        {
            if (all && keys.Count == 0)
            {
                vpc.Tags.Clear();
                continue;
            }

            foreach (var key in keys)
            {
                vpc.Tags.Remove(key);
            }
        }

        return new RequestIdOnly(requestId);
    }

    private object ListTagResources(ApiRequest request, string requestId)
    {
        var vpcs = Resources(request, required: false);
        var filters = request.Objects("Tag");
        if (request.List("ResourceId").Count == 0 && filters.Count == 0)
        {
            throw ApiError.Missing("ResourceId.N");
        }

        var rows = vpcs
            .Where(v => filters.All(f => f.TryGetValue("Key", out var key) && v.Tags.TryGetValue(key, out var value) && (!f.TryGetValue("Value", out var wanted) || wanted == value)))
            .SelectMany(v => v.Tags.Select(t => new TagResourceItem(v.Id, "VPC", t.Key, t.Value)))
            .OrderBy(r => r.ResourceId, StringComparer.Ordinal).ThenBy(r => r.TagKey, StringComparer.Ordinal)
            .ToList();
        var size = request.Int("MaxResults", 50, 1, 1000);
        var start = int.TryParse(request.Optional("NextToken"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var token) ? token : 0;
        var page = rows.Skip(start).Take(size).ToList();
        var next = start + page.Count < rows.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return new ListTagResourcesResponse(requestId, next, new TagResourceSet(page));
    }

    private List<VpcState> Resources(ApiRequest request, bool required)
    {
        var type = request.Required("ResourceType");
        if (!string.Equals(type, "VPC", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiError.Invalid("ResourceType", "The local cloud tags VPCs only.");
        }

        var region = request.Required("RegionId");
        var ids = request.List("ResourceId");
        if (required && ids.Count == 0)
        {
            throw ApiError.Missing("ResourceId.N");
        }

        if (ids.Count > MaxResourceIds)
        {
            throw ApiError.Invalid("ResourceId", $"at most {MaxResourceIds} resource ids");
        }

        if (ids.Count == 0)
        {
            return [.. state.Vpcs.Where(v => v.Region == region)];
        }

        return [.. ids.Select(id => state.FindVpc(id) is { } vpc && vpc.Region == region
            ? vpc
            : throw new ApiError("InvalidResourceId.NotFound", $"The specified resource {id} is not found."))];
    }
}
