using System.CommandLine;

namespace AcrReach.Cli.Commands;

/// <summary><c>--prune</c>, shared by <c>apply</c> and <c>sweep</c>: removal is never silent, it is asked for.</summary>
internal static class PruneOption
{
    public static Option<bool> Create() => new("--prune")
    {
        Description = "Also remove AcrReach's own routes that no rule's path uses any more (without it they are only reported).",
    };
}
