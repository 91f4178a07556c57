using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>
/// The plan's JSON (the contract: planId, actions, dns, findings, in that order), the verification's JSON, and the
/// plan id. Output is byte-identical for the same plan: fixed member order, sorted content, "\n" line ends.
/// </summary>
public static class PlanJson
{
    private static readonly PlanJsonContext Indented = Create(indented: true);
    private static readonly PlanJsonContext Compact = Create(indented: false);

    /// <summary>Type info (indented, readable escaping) for writing a plan inside another document.</summary>
    public static JsonTypeInfo<Plan> PlanTypeInfo => Indented.Plan;

    public static JsonTypeInfo<Verification> VerificationTypeInfo => Indented.Verification;

    public static string Serialize(Plan plan) => JsonSerializer.Serialize(plan, Indented.Plan);

    public static string Serialize(Verification verification) => JsonSerializer.Serialize(verification, Indented.Verification);

    public static string Serialize(IReadOnlyList<PathTrace> paths) => JsonSerializer.Serialize(paths, Indented.IReadOnlyListPathTrace);

    /// <summary>Reads a plan written by <see cref="Serialize(Plan)"/> (e.g. one stored for <c>apply &lt;planId&gt;</c>).</summary>
    public static Plan Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Indented.Plan) ?? throw new JsonException("expected a plan object, got null");

    /// <summary>"plan-" and the first 16 hex digits of SHA-256 over the compact JSON of actions, dns and findings.</summary>
    public static string ComputeId(Plan plan) => ComputeId(new PlanContent(plan.Actions, plan.Dns, plan.Findings));

    internal static string ComputeId(PlanContent content)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(content, Compact.PlanContent);
        return "plan-" + Convert.ToHexStringLower(SHA256.HashData(canonical), 0, 8);
    }

    private static PlanJsonContext Create(bool indented) => new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Messages and reasons contain "->" and quotes; keep them readable (the output is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
    });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(PlanContent))]
[JsonSerializable(typeof(Verification))]
[JsonSerializable(typeof(IReadOnlyList<PathTrace>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
