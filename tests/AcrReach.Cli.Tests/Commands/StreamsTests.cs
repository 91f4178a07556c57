using System.Text.Json;

namespace AcrReach.Cli.Tests.Commands;

/// <summary>Clean streams: stdout carries only what was asked for; a bad flag is one line and "see --help" on stderr, exit 1.</summary>
public sealed class StreamsTests
{
    private static readonly string Seed = CliRun.Scenario("seed-hangzhou-shanghai");

    public static TheoryData<string[], string> BadFlags => new()
    {
        { ["plan", "--scenario", Seed, "--bogus"], "acr-reach plan" },
        { ["plan"], "acr-reach plan" },
        { ["plan", "--scenario", Seed, "--output", "yaml"], "acr-reach plan" },
        { ["explain", "--scenario", Seed, "--from"], "acr-reach explain" },
        { ["explain", "--scenario", Seed, "--output", "yaml"], "acr-reach explain" },
        { ["apply", "--output", "yaml"], "acr-reach apply" },
        { ["sweep", "--timeout", "soon"], "acr-reach sweep" },
        { ["demo", "--bogus"], "acr-reach demo" },
        { ["local-cloud", "--port"], "acr-reach local-cloud" },
        { ["serve", "--port", "many"], "acr-reach serve" },
        { ["rollback", "--bogus"], "acr-reach rollback" },
        { ["onprem", "--scenario", Seed, "--from"], "acr-reach onprem" },
        { ["probe", "--registry"], "acr-reach probe" },
        { ["version", "--bogus"], "acr-reach version" },
        { ["report", "--scenario", Seed, "--html"], "acr-reach report" },
        { ["bogus"], "acr-reach" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task A_bad_flag_leaves_stdout_empty_and_says_one_line_then_see_help_on_stderr(string[] args, string command)
    {
        var run = await CliRun.Invoke(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith(command + ": ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal($"see {command} --help", run.ErrorLines[1]);
    }

    public static TheoryData<string[]> BadValues => new()
    {
        { ["plan", "--endpoint", "not a url"] },
        { ["explain", "--scenario", Seed, "--from", "vpc-nowhere"] },
        { ["onprem", "--scenario", CliRun.Scenario("datacenter-vbr"), "--from", "idc-nowhere", "--format", "cisco-ios"] },
        { ["onprem", "--scenario", Seed, "--from", "vpc-sh2", "--format", "bogus"] },
        { ["probe", "--registry", "cri-xxxxxx"] },
        { ["apply", "--endpoint", "not a url"] },
        { ["apply", "--endpoint", "http://127.0.0.1:9", "--plan", "/no/such/plan.json"] },
        { ["sweep", "--endpoint", "http://127.0.0.1:9", "--policy", "/no/such/policy.json"] },
        { ["rollback", "--run", "not-a-run", "--endpoint", "http://127.0.0.1:9"] },
        { ["demo", "--scenario", "/no/such/scenario.json"] },
        { ["local-cloud", "--scenario", "/no/such/scenario.json"] },
        { ["report", "--scenario", "/no/such/scenario.json", "--html", "/tmp/acr-reach-never-written.html"] },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_found_after_parsing_also_leaves_stdout_empty_with_one_line_on_stderr_and_exit_1(string[] args)
    {
        var run = await CliRun.Invoke(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.NotEmpty(run.ErrorLines);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("explain")]
    [InlineData("apply")]
    [InlineData("sweep")]
    [InlineData("demo")]
    [InlineData("serve")]
    [InlineData("local-cloud")]
    [InlineData("version")]
    [InlineData("rollback")]
    [InlineData("onprem")]
    [InlineData("probe")]
    [InlineData("report")]
    public async Task Every_commands_help_documents_the_exit_codes(string command)
    {
        var run = await CliRun.Invoke(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes: 0 done and verified, 1 bad input, 2 a finding, a failed step or a run that could not read or write, 3 the run succeeded but its message could not be published.", run.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Explain_json_is_one_document_on_stdout_with_the_plan_id_and_every_path()
    {
        var run = await CliRun.Invoke("explain", "--scenario", Seed, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("plan-883436a0861b0089", root.GetProperty("planId").GetString());
        Assert.Equal("plan-883436a0861b0089", root.GetProperty("fullPlanId").GetString());
        Assert.Equal(5, root.GetProperty("now").GetProperty("paths").GetArrayLength());
        Assert.Equal(3, root.GetProperty("now").GetProperty("paths").EnumerateArray().Count(p => p.GetProperty("reached").GetBoolean()));
        Assert.Equal(4, root.GetProperty("plan").GetProperty("actions").GetArrayLength());
    }
}
