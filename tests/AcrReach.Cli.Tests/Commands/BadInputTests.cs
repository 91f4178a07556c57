namespace AcrReach.Cli.Tests.Commands;

/// <summary>Bad input: exit 1 and exactly one line on stderr, "file: $.json.path: reason", never a stack trace.</summary>
public class BadInputTests
{
    private static readonly string SeedJson = File.ReadAllText(CliRun.Scenario("seed-hangzhou-shanghai"));

    private static async Task<string> RefusedLine(string command, string path)
    {
        var run = await CliRun.Invoke(command, "--scenario", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.StartsWith(path + ": $", line, StringComparison.Ordinal);
        return line;
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("explain")]
    public async Task Unknown_field_names_its_path(string command)
    {
        var path = CliRun.TempScenario(SeedJson.Replace("\"zone\": \"cn-hangzhou-j\",", "\"zone\": \"cn-hangzhou-j\", \"zoen\": 1,", StringComparison.Ordinal));

        var line = await RefusedLine(command, path);

        Assert.Contains("$.vpcs[0].vswitches[0]", line, StringComparison.Ordinal);
        Assert.Contains("unknown field 'zoen'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_canonical_cidr_names_its_path_and_the_fix()
    {
        var path = CliRun.TempScenario(SeedJson.Replace("\"cidrs\": [\"172.16.0.0/16\"]", "\"cidrs\": [\"172.16.0.1/16\"]", StringComparison.Ordinal));

        var line = await RefusedLine("plan", path);

        Assert.Equal($"{path}: $.vpcs[1].cidrs[0]: '172.16.0.1/16' is not canonical: host bits are set (did you mean 172.16.0.0/16?)", line);
    }

    [Fact]
    public async Task Dangling_reference_names_the_missing_id()
    {
        var path = CliRun.TempScenario(SeedJson.Replace("\"nextHopId\": \"tr-attach-sh2\", \"origin\"", "\"nextHopId\": \"tr-attach-nope\", \"origin\"", StringComparison.Ordinal));

        var line = await RefusedLine("plan", path);

        Assert.Contains("$.transitRouters[1].routeTables[0].entries[0].nextHopId", line, StringComparison.Ordinal);
        Assert.Contains("tr-attach-nope", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_names_line_and_column()
    {
        var line = await RefusedLine("plan", CliRun.TempScenario("{ \"accountId\": \"1\", "));

        Assert.Contains("not valid JSON", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("explain")]
    public async Task Missing_file_is_one_line_not_a_stack_trace(string command)
    {
        var path = Path.Combine(Path.GetTempPath(), $"acr-reach-missing-{Guid.NewGuid():N}.json");

        var line = await RefusedLine(command, path);

        Assert.Contains("cannot read the file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_instead_of_a_file_is_one_line()
    {
        var line = await RefusedLine("plan", Path.GetTempPath().TrimEnd('/'));

        Assert.Contains("cannot read the file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_scenario_option_is_refused()
    {
        var run = await CliRun.Invoke("plan");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--scenario", run.Error, StringComparison.Ordinal);
    }
}
