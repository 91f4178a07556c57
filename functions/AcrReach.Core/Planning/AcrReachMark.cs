namespace AcrReach.Core.Planning;

/// <summary>
/// The mark on every route AcrReach creates (its name, and the start of its description), so that it can tell its
/// own routes from everyone else's and clean up only its own.
/// </summary>
public static class AcrReachMark
{
    public const string Name = "acr-reach";

    /// <summary>VPC and transit-router route descriptions are limited to 256 characters.</summary>
    public const int MaxDescriptionLength = 256;

    private const string Prefix = Name + ": ";

    /// <summary>"acr-reach: &lt;reason&gt;", cut to the cloud's description limit.</summary>
    public static string Describe(string reason)
    {
        var text = Prefix + reason;
        return text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];
    }

    /// <summary>True for a route AcrReach created: its name is the mark, or its description starts with it.</summary>
    public static bool IsMarked(string? name, string? description) =>
        name == Name || (description is not null && description.StartsWith(Prefix, StringComparison.Ordinal));
}
