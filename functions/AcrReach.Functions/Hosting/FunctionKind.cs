using AcrReach.Core;

namespace AcrReach.Functions.Hosting;

/// <summary>The functions of the deployable set; one binary, the function chosen by configuration.</summary>
public enum FunctionKind
{
    OnAttachment,
    OnRegistry,
    Sweep,
    Chatops,

    /// <summary>Runs one shard of a fanned-out sweep, handed over by the sweep through FC's async invocation.</summary>
    SweepWorker,
}

public static class FunctionKinds
{
    // Longer names first: "acr-reach-sweep-worker" is the worker, not the sweep.
    public static IReadOnlyList<FunctionKind> All { get; } = [FunctionKind.OnAttachment, FunctionKind.OnRegistry, FunctionKind.SweepWorker, FunctionKind.Sweep, FunctionKind.Chatops];

    public static string Name(this FunctionKind kind) => kind switch
    {
        FunctionKind.OnAttachment => "on-attachment",
        FunctionKind.OnRegistry => "on-registry",
        FunctionKind.Sweep => "sweep",
        FunctionKind.Chatops => "chatops",
        FunctionKind.SweepWorker => "sweep-worker",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The function a name means: one of the four names exactly, or a deployed function name ending in
    /// <c>-</c> + one of them (e.g. <c>acr-reach-on-attachment</c>), so <c>FC_FUNCTION_NAME</c> works as it is.
    /// </summary>
    public static FunctionKind? TryParse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        foreach (var kind in All)
        {
            var known = kind.Name();
            if (string.Equals(trimmed, known, StringComparison.OrdinalIgnoreCase)
                || trimmed.EndsWith("-" + known, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    public static FunctionKind Parse(string? name, string source)
    {
        var expected = $"expected one of {string.Join(", ", All.Select(k => k.Name()))} (or a name ending in -<function>)";
        return TryParse(name)
            ?? throw new InvalidInputException(
                "environment",
                source,
                string.IsNullOrWhiteSpace(name) ? $"is not set: {expected}" : $"'{name}' names no function: {expected}");
    }
}
