using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Apply;

[JsonConverter(typeof(JsonStringEnumConverter<StepOutcome>))]
public enum StepOutcome
{
    /// <summary>This step made the change (and waited until it took effect).</summary>
    Applied,

    /// <summary>The change was already there (made earlier, or by a run going on at the same time).</summary>
    AlreadyPresent,

    /// <summary>A removal found the route gone already (removed earlier, or by a run going on at the same time).</summary>
    AlreadyAbsent,

    /// <summary>The change could not be made; <see cref="StepReport.Error"/> says why. Nothing was overwritten.</summary>
    Failed,

    /// <summary>Not attempted: a report-only run, or the run was cancelled before it got there.</summary>
    Skipped,
}

/// <summary>Why a step failed or was skipped: a cloud error code (<c>TaskConflict</c>), or AcrReach's (<c>RouteConflict</c>, <c>Cancelled</c>).</summary>
public sealed record StepError(
    [property: JsonPropertyOrder(0)] string Code,
    [property: JsonPropertyOrder(1)] string Message);

/// <summary>
/// One step of a run (the Apply JSON contract): the action, its outcome, the request id of the cloud call that decided it
/// (the write, or the read that found the change already there or in conflict), and the error when it failed.
/// </summary>
public sealed record StepReport(
    [property: JsonPropertyOrder(0)] StepAction Action,
    [property: JsonPropertyOrder(1)] StepOutcome Outcome,
    [property: JsonPropertyOrder(2)] string? RequestId,
    [property: JsonPropertyOrder(3)] StepError? Error)
{
    public static StepReport Skipped(StepAction action, string code, string message) => new(action, StepOutcome.Skipped, null, new StepError(code, message));
}

/// <summary>What a step does: a plan action (written exactly as in the plan's JSON), or a PrivateZone change.</summary>
[JsonConverter(typeof(StepActionConverter))]
public sealed record StepAction
{
    private StepAction(PlanAction? plan, PrivateZoneChange? zone)
    {
        Plan = plan;
        Zone = zone;
    }

    public PlanAction? Plan { get; }

    public PrivateZoneChange? Zone { get; }

    public static StepAction Of(PlanAction action) => new(action ?? throw new ArgumentNullException(nameof(action)), null);

    public static StepAction Of(PrivateZoneChange change) => new(null, change ?? throw new ArgumentNullException(nameof(change)));

    /// <summary>One line for a person: what changes where.</summary>
    public string Describe() => (Plan, Zone) switch
    {
        (CreateVpcRoute v, _) => $"route {Core.Addressing.Cidr.Format(v.Destination)} -> {v.NextHopType} {v.NextHopId} in {v.RouteTableId} ({v.VpcId}, {v.Region})",
        (CreateTransitRoute t, _) => $"route {Core.Addressing.Cidr.Format(t.Destination)} -> Attachment {t.NextHopId} in {t.RouteTableId} ({t.TransitRouterId}, {t.Region})",
        (LinkVpcEndpoint l, _) => $"link {l.VpcId} (vSwitch {l.VswitchId}) to {l.InstanceId}",
        (DeleteVpcRoute v, _) => $"remove route {Core.Addressing.Cidr.Format(v.Destination)} -> {v.NextHopType} {v.NextHopId} from {v.RouteTableId} ({v.VpcId}, {v.Region})",
        (DeleteTransitRoute t, _) => $"remove route {Core.Addressing.Cidr.Format(t.Destination)} -> Attachment {t.NextHopId} from {t.RouteTableId} ({t.TransitRouterId}, {t.Region})",
        (DeleteZoneRecord r, _) => $"remove PrivateZone record {r.Name} {r.Type} {r.Value} from zone {r.ZoneName} ({r.ZoneId})",
        (UnbindZoneVpc u, _) => $"unbind {u.VpcId} ({u.Region}) from PrivateZone zone {u.ZoneName} ({u.ZoneId})",
        (_, { } z) => $"PrivateZone {z.ZoneName}: {string.Join(", ", z.Records.Select(r => $"{r.Rr} {r.Type} {r.Value}"))} for {string.Join(", ", z.Vpcs.Select(v => v.VpcId))}",
        _ => "nothing",
    };
}

/// <summary>
/// The PrivateZone side of a plan's DNS records for one zone: the records it must hold and the VPCs it must be bound to
/// (the zone's other bindings are kept: BindZoneVpc replaces the whole set, so the applier sends old and new).
/// </summary>
public sealed record PrivateZoneChange(
    [property: JsonPropertyOrder(1)] string ZoneName,
    [property: JsonPropertyOrder(2)] ImmutableArray<ZoneRecordChange> Records,
    [property: JsonPropertyOrder(3)] ImmutableArray<ZoneBinding> Vpcs)
{
    public const string KindName = "ConfigurePrivateZone";

    [JsonPropertyOrder(0)]
    public string Kind => KindName;
}

/// <summary>A record: <see cref="Rr"/> is the host part (<c>@</c> the zone's own name, <c>*</c> every name under it).</summary>
public sealed record ZoneRecordChange(
    [property: JsonPropertyOrder(0)] string Rr,
    [property: JsonPropertyOrder(1)] string Type,
    [property: JsonPropertyOrder(2)] string Value);

/// <summary>Writes a step's action as the plan action's JSON (with its <c>kind</c>) or the zone change's.</summary>
internal sealed class StepActionConverter : JsonConverter<StepAction>
{
    public override StepAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("reports are written, not read back");

    public override void Write(Utf8JsonWriter writer, StepAction value, JsonSerializerOptions options)
    {
        if (value.Plan is { } plan)
        {
            JsonSerializer.Serialize(writer, plan, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PlanAction>)options.GetTypeInfo(typeof(PlanAction)));
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Zone!, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PrivateZoneChange>)options.GetTypeInfo(typeof(PrivateZoneChange)));
        }
    }
}
