using System.Text.Json;

namespace AcrReach.Conformance.Tests;

/// <summary>
/// One result per case of <c>tests/conformance/conformance.js</c>: every operation AcrReach uses, driven through
/// Alibaba Cloud's own SDKs against the local cloud, must pass unchanged.
/// </summary>
public sealed class OfficialSdkTests(ConformanceRun run) : IClassFixture<ConformanceRun>
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (NodeConformance.EnsureInstalled() is null)
        {
            var (_, output) = NodeConformance.RunScript(["--list"], new Dictionary<string, string>());
            foreach (var name in NodeConformance.Cases(output).Keys)
            {
                data.Add(name);
            }
        }

        if (data.Count == 0)
        {
            // Without a list (no node, no npm) the harness itself is the one case, so the failure shows.
            data.Add("conformance harness");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Official_sdk_case_passes_against_the_local_cloud(string name)
    {
        Assert.True(run.Results.TryGetValue(name, out var result), $"case '{name}' produced no result; output:\n{run.Output}");
        var ok = result.TryGetProperty("ok", out var flag) && flag.ValueKind == JsonValueKind.True;
        Assert.True(ok, result.TryGetProperty("error", out var error) ? error.GetString() : $"no outcome for '{name}'");
    }

    [Fact]
    public void Conformance_run_reports_every_case_and_no_failure()
    {
        var summary = run.Output.Split('\n').LastOrDefault(l => l.Contains("\"summary\"", StringComparison.Ordinal));
        Assert.False(summary is null, $"no summary line; output:\n{run.Output}");
        using var document = JsonDocument.Parse(summary);
        var counts = document.RootElement.GetProperty("summary");
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.Equal(run.Results.Count, counts.GetProperty("passed").GetInt32());
    }
}
