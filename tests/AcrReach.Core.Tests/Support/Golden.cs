using System.Runtime.CompilerServices;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Support;

/// <summary>
/// Scenario files and their golden plans under Scenarios/Planning, read from the source tree. Goldens are compared
/// byte for byte; they are rewritten only on purpose: <c>ACR_REACH_UPDATE_GOLDEN=1 dotnet test ...</c>.
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "ACR_REACH_UPDATE_GOLDEN";

    public static string Directory { get; } = Path.Combine(ProjectDirectory(), "Scenarios", "Planning");

    public static string ScenarioPath(string name) => Path.Combine(Directory, name + ".json");

    public static Account Load(string name) => ScenarioReader.Read(File.ReadAllBytes(ScenarioPath(name)), ScenarioPath(name));

    public static IEnumerable<string> ScenarioNames() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Where(f => !f.EndsWith(".plan.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    /// <summary>Plans the scenario and compares its JSON with the golden file beside it.</summary>
    public static Plan AssertPlan(string name)
    {
        var plan = Planner.Plan(Load(name));
        var actual = PlanJson.Serialize(plan) + "\n";
        var goldenPath = Path.Combine(Directory, name + ".plan.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        Assert.True(File.Exists(goldenPath), $"no golden plan {goldenPath}; run the tests once with {UpdateVariable}=1 and review it");
        Assert.Equal(File.ReadAllText(goldenPath), actual);
        return plan;
    }

    private static string ProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
