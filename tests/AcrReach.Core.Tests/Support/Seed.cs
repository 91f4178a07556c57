using System.Text.Json.Nodes;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Support;

/// <summary>The seed scenario, optionally edited as JSON first: small variations for unit tests.</summary>
internal static class Seed
{
    public static Account Account(Action<JsonNode>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Golden.ScenarioPath("seed-hangzhou-shanghai")))!;
        edit?.Invoke(json);
        return ScenarioReader.Read(json.ToJsonString(), "seed-edited.json");
    }

    public static JsonArray Entries(this JsonNode scenario, string routeTableId) =>
        scenario["vpcs"]!.AsArray().SelectMany(v => v!["routeTables"]!.AsArray())
            .Concat(scenario["transitRouters"]!.AsArray().SelectMany(r => r!["routeTables"]!.AsArray()))
            .Single(t => (string?)t!["id"] == routeTableId)!["entries"]!.AsArray();

    public static JsonObject Route(string destination, string nextHopType, string? nextHopId = null) =>
        new() { ["destination"] = destination, ["nextHopType"] = nextHopType, ["nextHopId"] = nextHopId };

    public static JsonObject TransitRoute(string destination, string nextHopType, string? nextHopId, string origin = "Static") =>
        new() { ["destination"] = destination, ["nextHopType"] = nextHopType, ["nextHopId"] = nextHopId, ["origin"] = origin };
}
