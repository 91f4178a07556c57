using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.TestSupport;

/// <summary>
/// The planner's scenario suite (tests/AcrReach.Core.Tests/Scenarios/Planning) and the repository's files, read from the
/// source tree; a scenario can be edited as JSON first for a small variation.
/// </summary>
public static class Scenarios
{
    public const string SeedName = "seed-hangzhou-shanghai";

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Where the suite's scenarios and their golden plans are.</summary>
    public static string Directory { get; } = Path.Combine(RepositoryRoot, "tests", "AcrReach.Core.Tests", "Scenarios", "Planning");

    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Where(f => !f.EndsWith(".plan.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    /// <summary>A scenario of the suite, optionally edited as JSON before it is read.</summary>
    public static Account Load(string name, Action<JsonNode>? edit = null)
    {
        var text = File.ReadAllText(PathOf(name));
        if (edit is null)
        {
            return ScenarioReader.Read(text, name + ".json");
        }

        var json = JsonNode.Parse(text)!;
        edit(json);
        return ScenarioReader.Read(json.ToJsonString(), name + "-edited.json");
    }

    /// <summary>The seed scenario (vpc-sh2 in Shanghai and the data center idc-bj must reach cri-xxxxxx in Hangzhou).</summary>
    public static Account Seed(Action<JsonNode>? edit = null) => Load(SeedName, edit);

    /// <summary>The entries of one route table (VPC or transit router) in a scenario's JSON, to edit.</summary>
    public static JsonArray Entries(this JsonNode scenario, string routeTableId) =>
        scenario["vpcs"]!.AsArray().SelectMany(v => v!["routeTables"]!.AsArray())
            .Concat(scenario["transitRouters"]!.AsArray().SelectMany(r => r!["routeTables"]!.AsArray()))
            .Single(t => (string?)t!["id"] == routeTableId)!["entries"]!.AsArray();

    public static JsonObject Route(string destination, string nextHopType, string? nextHopId = null) =>
        new() { ["destination"] = destination, ["nextHopType"] = nextHopType, ["nextHopId"] = nextHopId };

    public static JsonObject TransitRoute(string destination, string nextHopType, string? nextHopId, string origin = "Static") =>
        new() { ["destination"] = destination, ["nextHopType"] = nextHopType, ["nextHopId"] = nextHopId, ["origin"] = origin };

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
