using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcrReach.Cloud.Apply;
using AcrReach.Core;
using AcrReach.Core.Planning;

namespace AcrReach.Cli.Output;

/// <summary>
/// The plan a person reviewed, pinned for <c>apply</c>: its id, and its content when it came from a file (to show what
/// changed when planning again gives another id). The same rule as the chat's <c>apply &lt;planId&gt;</c>.
/// </summary>
internal sealed record PinnedPlan(string PlanId, Plan? Content)
{
    public static PinnedPlan OfId(string planId) =>
        planId.StartsWith("plan-", StringComparison.Ordinal) && planId.Length > 5
            ? new PinnedPlan(planId, null)
            : throw new InvalidInputException("--plan-id", "$", $"'{planId}' is not a plan id (plan-... as acr-reach plan prints it)");

    /// <summary>Reads a file <c>plan --output json</c> wrote; its id must be the hash of its content (an edited plan is not the reviewed one).</summary>
    public static PinnedPlan Read(string file)
    {
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(file, "$", $"cannot read the file ({e.GetType().Name})");
        }

        Plan plan;
        try
        {
            plan = PlanJson.Deserialize(json);
        }
        catch (JsonException)
        {
            throw new InvalidInputException(file, "$", "not a plan document (acr-reach plan --output json writes one)");
        }

        if (string.IsNullOrEmpty(plan.PlanId) || plan.Actions.IsDefault || plan.Dns.IsDefault || plan.Findings.IsDefault)
        {
            throw new InvalidInputException(file, "$", "not a plan document: planId, actions, dns and findings are required (acr-reach plan --output json writes one)");
        }

        var computed = PlanJson.ComputeId(plan);
        return computed == plan.PlanId
            ? new PinnedPlan(plan.PlanId, plan)
            : throw new InvalidInputException(file, "$.planId", $"{plan.PlanId} is not the id of this content ({computed}): the file was changed after planning; plan again");
    }

    /// <summary>What a person reads when the pinned plan is no longer current: both ids and what differs.</summary>
    public static string RefusalText(PinnedPlan pinned, Plan current)
    {
        var text = new StringBuilder();
        text.Append($"Plan {pinned.PlanId} is no longer current: nothing was applied.\n");
        text.Append($"Planning again gives {current.PlanId} ({Count(current.Actions.Length, "action")}, {Count(current.Dns.Length, "DNS record")}, {Count(current.Findings.Length, "finding")}).\n");
        if (pinned.Content is { } old)
        {
            text.Append($"Difference (- only in {pinned.PlanId}, + only in {current.PlanId}):\n");
            var lines = Difference(Lines(old), Lines(current)).ToList();
            foreach (var line in lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }

            if (lines.Count == 0)
            {
                text.Append("  the same changes, with other reasons\n");
            }
        }
        else
        {
            text.Append($"The plan now ({current.PlanId}):\n");
            foreach (var line in Lines(current))
            {
                text.Append("  + ").Append(line).Append('\n');
            }
        }

        text.Append($"Review it (acr-reach plan), then apply --plan-id {current.PlanId}, or plan --output json again.\n");
        return text.ToString();
    }

    public static string RefusalJson(PinnedPlan pinned, Plan current)
    {
        var document = new JsonObject
        {
            ["applied"] = false,
            ["pinnedPlanId"] = pinned.PlanId,
            ["currentPlanId"] = current.PlanId,
            ["onlyInPinned"] = pinned.Content is { } old ? new JsonArray([.. Lines(old).Except(Lines(current), StringComparer.Ordinal).Select(l => (JsonNode?)JsonValue.Create(l))]) : null,
            ["onlyInCurrent"] = pinned.Content is { } before ? new JsonArray([.. Lines(current).Except(Lines(before), StringComparer.Ordinal).Select(l => (JsonNode?)JsonValue.Create(l))]) : null,
            ["plan"] = JsonNode.Parse(PlanJson.Serialize(current)),
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            document.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A plan's content as lines a person compares: each change, each DNS record, each finding.</summary>
    private static List<string> Lines(Plan plan) =>
    [
        .. plan.Actions.Select(a => StepAction.Of(a).Describe()),
        .. plan.Dns.Select(d => $"DNS {d.Name} {d.Ip} for {d.Scope}"),
        .. plan.Findings.Select(f => $"{f.Severity.ToString().ToLowerInvariant()} {f.Code}: {f.Message}"),
    ];

    private static IEnumerable<string> Difference(List<string> before, List<string> now) =>
        before.Except(now, StringComparer.Ordinal).Select(l => "- " + l)
            .Concat(now.Except(before, StringComparer.Ordinal).Select(l => "+ " + l));

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
