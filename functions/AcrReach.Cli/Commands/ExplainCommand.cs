using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using AcrReach.Cli.Output;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Rendering;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>explain --scenario FILE [--from VPC-ID|DC-NAME] [--output text|json]</c>: every required path hop by hop, where it
/// breaks, and the id of the plan that mends it (with <c>--from</c>, that source's part of the full plan, said as such).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var scenario = CommandGuard.ScenarioOption();
        var from = new Option<string?>("--from")
        {
            Description = "Only the paths of this source: a VPC id or a data-center name.",
        };
        var output = new Option<string>("--output")
        {
            Description = "text (for people) or json (planId, fullPlanId, scope, the paths now and the plan).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");

        var command = new Command("explain", "Show each required path hop by hop as it is now, where it breaks, and how the plan mends it.")
        {
            scenario,
            from,
            output,
        };
        command.SetAction(parse => CommandGuard.Run(parse, writer =>
        {
            var file = parse.GetValue(scenario)!;
            var account = CommandGuard.LoadScenario(file);
            var source = parse.GetValue(from);
            var sources = ReachRules.Effective(account).Select(r => r.From.Name).Distinct(StringComparer.Ordinal).ToList();
            if (source is not null && !sources.Contains(source, StringComparer.Ordinal))
            {
                throw new InvalidInputException(file, "$.policy.reach", $"--from {source}: no reach rule starts there (sources: {(sources.Count == 0 ? "none" : string.Join(", ", sources))})");
            }

            var scope = source is null ? PlanScope.Everything : PlanScope.ForSource(source);
            var plan = Planner.Plan(account, scope);
            var full = source is null ? plan : Planner.Plan(account);
            var now = Planner.Verify(account, scope);
            if (parse.GetValue(output) == "json")
            {
                writer.WriteLine(Json(plan, full, source, now, PathChecks.OnPremises(account, now, plan.Dns)));
            }
            else
            {
                writer.WriteLine(Relation(plan, full, source));
                writer.WriteLine();
                ExplainText.Write(now, plan, writer);
                foreach (var needs in PathChecks.OnPremises(account, now, plan.Dns))
                {
                    writer.WriteLine();
                    VerificationText.Write(needs, writer);
                }
            }

            return plan.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Which plan this is: the full one (the id <c>plan</c> prints and <c>apply --plan-id</c> pins), or one source's part of it.</summary>
    internal static string Relation(Plan plan, Plan full, string? source) =>
        source is null
            ? $"Plan {plan.PlanId}: the full plan (the id acr-reach plan prints and apply --plan-id pins)"
            : $"Plan {plan.PlanId}: the part of the full plan {full.PlanId} for {source} ({plan.Actions.Length} of its {full.Actions.Length} actions, {plan.Dns.Length} of its {full.Dns.Length} DNS records); apply --plan-id pins {full.PlanId}";

    private static string Json(Plan plan, Plan full, string? source, Verification now, ImmutableArray<OnPremisesNeeds> onPremises)
    {
        var document = new JsonObject
        {
            ["planId"] = plan.PlanId,
            ["fullPlanId"] = full.PlanId,
            ["scope"] = source ?? "account",
            ["now"] = JsonNode.Parse(PlanJson.Serialize(now)),
            ["plan"] = JsonNode.Parse(PlanJson.Serialize(plan)),
            ["onPremises"] = JsonNode.Parse(JsonSerializer.Serialize(onPremises, ExplainJsonContext.Default.ImmutableArrayOnPremisesNeeds)),
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            document.WriteTo(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImmutableArray<OnPremisesNeeds>))]
internal sealed partial class ExplainJsonContext : JsonSerializerContext;
