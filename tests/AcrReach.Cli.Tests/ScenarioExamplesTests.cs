using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AcrReach.Cli.Tests;

/// <summary>Every example in scenarios/ plans as its row in scenarios/FORMAT.md says.</summary>
public sealed class ScenarioExamplesTests
{
    private static string Example(string name) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "scenarios", name + ".json"));

    [Theory]
    [InlineData("seed-hangzhou-shanghai", 0, "")]
    [InlineData("datacenter-vbr", 0, "DataCenterRoutes")]
    [InlineData("route-conflict", 2, "RouteConflict")]
    [InlineData("same-region-link", 0, "LinkDnsRecords")]
    [InlineData("many-regions-replication", 0, "UseReplication")]
    [InlineData("vpc-in-100-block", 0, "BlockCollision")]
    [InlineData("multi-account", 0, "")]
    public async Task Each_example_plans_with_its_documented_outcome(string name, int exitCode, string findings)
    {
        var run = await CliRun.Invoke("plan", "--scenario", Example(name), "--output", "json");

        Assert.Equal((exitCode, string.Empty), (run.ExitCode, run.Error));
        var plan = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(findings, string.Join(",", plan.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Distinct()));
    }

    [Fact]
    public void Every_example_in_the_folder_is_in_the_table_and_planned_above()
    {
        var folder = Path.GetDirectoryName(Example("x"))!;
        var format = File.ReadAllText(Path.Combine(folder, "FORMAT.md"));
        string[] planned = ["seed-hangzhou-shanghai", "datacenter-vbr", "route-conflict", "same-region-link", "many-regions-replication", "vpc-in-100-block", "multi-account"];

        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Assert.Contains($"`{name}.json`", format, StringComparison.Ordinal);
            Assert.Contains(name, planned);
        }

        Assert.DoesNotContain("../", format, StringComparison.Ordinal);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
