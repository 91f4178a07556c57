using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Rendering.Html;

/// <summary>
/// The report's data as JSON, the same the page is drawn from: per required path (with the drawing's marker) its state
/// now and with the plan and each hop with how its route came to be there; the plan; each data center's needs.
/// </summary>
public static class ReportJson
{
    public static string Render(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (account, plan) = (input.Account, input.Plan);
        var paths = ReportPaths.Of(input);
        var traced = JsonNode.Parse(PlanJson.Serialize(paths.Select(p => p.Planned).ToList()))!.AsArray();
        var pathNodes = new JsonArray();
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            var node = traced[i]!.DeepClone().AsObject();
            var hops = node["hops"]!.AsArray();
            node.Remove("hops");
            for (var h = 0; h < hops.Count; h++)
            {
                hops[h]!["mark"] = Name(path.Marks[h]);
            }

            pathNodes.Add((JsonNode)new JsonObject
            {
                ["drawing"] = path.Marker,
                ["now"] = path.Now is null ? null : Name(path.Now.Outcome),
                ["nowBrokenAtHop"] = path.Now is { Reached: false, Hops.IsEmpty: false } broken ? broken.Hops.Length : null,
                ["withPlan"] = node,
                ["hops"] = hops,
            });
        }

        var document = new JsonObject
        {
            ["planId"] = plan.PlanId,
            ["accountId"] = account.AccountId,
            ["origin"] = input.Origin,
            ["summary"] = new JsonObject
            {
                ["paths"] = plan.Paths.Length,
                ["reachedNow"] = input.Now.Paths.Count(p => p.Reached),
                ["reachedWithPlan"] = plan.Paths.Count(p => p.Reached),
                ["routesToAdd"] = plan.Actions.Count(a => a is CreateVpcRoute or CreateTransitRoute),
                ["findings"] = plan.Findings.Length,
                ["dataCenters"] = account.DataCenters.Length,
            },
            ["paths"] = pathNodes,
            ["plan"] = JsonNode.Parse(PlanJson.Serialize(plan)),
            ["dataCenters"] = new JsonArray([.. account.DataCenters.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => DataCenter(DataCenterConfiguration.For(plan, account, d.Name)))]),
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            document.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonObject DataCenter(DataCenterConfiguration config) => new()
    {
        ["name"] = config.DataCenter,
        ["nothingToConfigure"] = config.IsEmpty,
        ["connections"] = new JsonArray([.. config.Connections.Select(c => (JsonNode)c.Describe)]),
        ["routes"] = new JsonArray([.. config.Routes.Select(r => (JsonNode)new JsonObject { ["destination"] = Cidr.Format(r.Destination), ["for"] = r.Describe })]),
        ["advertise"] = new JsonArray([.. config.Advertise.Select(a => (JsonNode)Cidr.Format(a))]),
        ["names"] = new JsonArray([.. config.Names.Select(n => (JsonNode)new JsonObject { ["name"] = n.Name, ["ip"] = n.Ip.ToString() })]),
    };

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
