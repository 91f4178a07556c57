namespace AcrReach.Core.Planning;

/// <summary>
/// The mark on every route AcrReach creates (its name, and the start of its description), so that it can tell its
/// own routes from everyone else's and clean up only its own. Since rollback, the description also names the run that
/// made the route: <c>acr-reach run-…: reason</c>; the older <c>acr-reach: reason</c> is still recognised.
/// </summary>
public static class AcrReachMark
{
    public const string Name = "acr-reach";

    /// <summary>VPC and transit-router route descriptions are limited to 256 characters.</summary>
    public const int MaxDescriptionLength = 256;

    /// <summary>
    /// The longest reason that fits whole under the longest mark, "acr-reach run-20261206T070404Z-0123abcd: " (a run id
    /// is "run-", a UTC second, "-" and eight hex digits).
    /// </summary>
    public const int MaxReasonLength = MaxDescriptionLength - 41;

    private const string Prefix = Name + ": ";

    private const string RunPrefix = Name + " run-";

    /// <summary>"acr-reach: &lt;reason&gt;", cut to the cloud's description limit.</summary>
    public static string Describe(string reason)
    {
        var text = Prefix + reason;
        return text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];
    }

    /// <summary>"acr-reach &lt;runId&gt;: &lt;reason&gt;" (run ids start with <c>run-</c>), cut to the cloud's description limit.</summary>
    public static string Describe(string reason, string? runId)
    {
        if (runId is null)
        {
            return Describe(reason);
        }

        if (!runId.StartsWith("run-", StringComparison.Ordinal) || runId.Contains(':', StringComparison.Ordinal) || runId.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{runId}' is not a run id (run-..., no spaces or colons)", nameof(runId));
        }

        var text = $"{Name} {runId}: {reason}";
        return text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];
    }

    /// <summary>True for a route AcrReach created: its name is the mark, or its description starts with it (either form).</summary>
    public static bool IsMarked(string? name, string? description) =>
        name == Name || (description is not null && (description.StartsWith(Prefix, StringComparison.Ordinal) || RunOf(description) is not null));

    /// <summary>The run that made a route, from its description; null for an older mark or someone else's route.</summary>
    public static string? RunOf(string? description)
    {
        if (description is null || !description.StartsWith(RunPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = description.IndexOf(": ", Name.Length + 1, StringComparison.Ordinal);
        return end < 0 ? null : description[(Name.Length + 1)..end];
    }

    /// <summary>The reason part of a marked description (after the mark and run id); null when it carries none.</summary>
    public static string? ReasonOf(string? description)
    {
        if (description is null)
        {
            return null;
        }

        if (description.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return description[Prefix.Length..];
        }

        return RunOf(description) is { } run ? description[(Name.Length + 1 + run.Length + 2)..] : null;
    }
}
