using System.Text.Json.Serialization;
using AcrReach.LocalCloud.Fc;

namespace AcrReach.LocalCloud.Control;

internal sealed record QueueView(string Queue, IReadOnlyList<QueuedMessage> Messages);

internal sealed record ResolveView(string Region, string Name, string Address);

internal sealed record ResolveUpdate(string? Region, string? Name, string? Address);

internal sealed record FaultsView(IReadOnlyList<ScriptedFault> Faults);

internal sealed record ControlError(string Error);

internal sealed record FunctionRegistration(string? Name, string? Endpoint, int? MaxAsyncRetryAttempts, int? ReservedConcurrency = null);

internal sealed record FunctionsView(IReadOnlyList<RegisteredFunction> Functions);

/// <summary>A registered function and its reserved concurrency (null: none set, every async invocation starts at once).</summary>
internal sealed record RegisteredFunction(string Name, Uri Endpoint, int MaxAsyncRetryAttempts, int? ReservedConcurrency);

internal sealed record InvocationsView(IReadOnlyList<InvocationRecord> Invocations, IReadOnlyList<InvocationAttempt> Attempts);

internal sealed record ExpiredView(int Expired);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(QueueView))]
[JsonSerializable(typeof(ResolveView))]
[JsonSerializable(typeof(ResolveUpdate))]
[JsonSerializable(typeof(FaultsView))]
[JsonSerializable(typeof(ScriptedFault))]
[JsonSerializable(typeof(ControlError))]
[JsonSerializable(typeof(FunctionRegistration))]
[JsonSerializable(typeof(FunctionsView))]
[JsonSerializable(typeof(InvocationsView))]
[JsonSerializable(typeof(ExpiredView))]
[JsonSerializable(typeof(List<State.WriteRecord>))]
[JsonSerializable(typeof(SortedDictionary<string, int>))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
