using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Chat;

/// <summary>A command typed to the chat robot.</summary>
internal abstract record ChatCommand
{
    public const string Usage =
        "plan <vpc-id|data-center> [cri-id]  plan without applying; answers a plan id\n"
        + "apply <plan-id>  apply a plan shown by plan, if nothing changed since\n"
        + "prune  plan the removal of AcrReach's own routes no rule needs any more; answers a plan id\n"
        + "prune <plan-id>  apply that removal plan, if nothing changed since\n"
        + "status  which networks reach their registries now\n"
        + "explain <vpc-id|data-center>  each required path hop by hop\n"
        + "help  this text";

    /// <summary>Reads the text of a robot message; anything not understood becomes <see cref="HelpCommand"/> with the problem.</summary>
    public static ChatCommand Parse(string? text)
    {
        // In a group the robot is @-mentioned: DingTalk usually strips the mention, but not always.
        var words = (text ?? string.Empty)
            .Split((char[])[' ', '\t', '\r', '\n', '\u00A0', '\u3000'], StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(word => word.StartsWith('@'))
            .ToArray();
        if (words.Length == 0)
        {
            return new HelpCommand(null);
        }

        var verb = words[0].ToUpperInvariant();
        var arguments = words.AsSpan(1);
        return verb switch
        {
            "HELP" or "?" => new HelpCommand(null),
            "STATUS" => arguments.Length == 0 ? new StatusCommand() : new HelpCommand("status takes no argument"),
            "PLAN" => ParsePlan(arguments),
            "EXPLAIN" => arguments.Length == 1 && IsNetwork(arguments[0])
                ? new ExplainCommand(arguments[0])
                : new HelpCommand("explain takes one VPC id or data-center name"),
            "APPLY" => arguments.Length == 1 && ApprovalToken.TryParse(arguments[0], out var token)
                ? new ApplyCommand(token)
                : new HelpCommand("apply takes one plan id, as an earlier plan answered it"),
            "PRUNE" => arguments.Length switch
            {
                0 => new PrunePlanCommand(),
                1 when ApprovalToken.IsPlanId(arguments[0]) => new PruneCommand(arguments[0]),
                _ => new HelpCommand("prune takes nothing (to see the plan) or one plan id, as an earlier prune answered it"),
            },
            _ => new HelpCommand($"unknown command '{words[0]}'"),
        };
    }

    /// <summary>A VPC id or a data-center name: letters, digits, '.', '_' and '-', at most 64.</summary>
    public static bool IsNetwork(string value) =>
        value.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static bool IsRegistry(string value) => value.Length is > 4 and <= 64 && value.StartsWith("cri-", StringComparison.Ordinal) && value.Skip(4).All(char.IsAsciiLetterOrDigit);

    private static ChatCommand ParsePlan(ReadOnlySpan<string> arguments)
    {
        if (arguments.Length is < 1 or > 2 || !IsNetwork(arguments[0]))
        {
            return new HelpCommand("plan takes a VPC id or data-center name, then optionally a registry instance id");
        }

        if (arguments.Length == 2 && !IsRegistry(arguments[1]))
        {
            return new HelpCommand($"'{arguments[1]}' is not a registry instance id (cri-...)");
        }

        return new PlanCommand(new OneNetwork(arguments[0], arguments.Length == 2 ? arguments[1] : null));
    }
}

internal sealed record HelpCommand(string? Problem) : ChatCommand;

internal sealed record PlanCommand(OneNetwork Scope) : ChatCommand;

internal sealed record ApplyCommand(ApprovalToken Token) : ChatCommand;

internal sealed record StatusCommand : ChatCommand;

/// <summary><c>prune</c>: the whole account's plan with its removals, not applied.</summary>
internal sealed record PrunePlanCommand : ChatCommand;

/// <summary><c>prune &lt;plan-id&gt;</c>: apply the removal plan, only if planning again gives the same id.</summary>
internal sealed record PruneCommand(string PlanId) : ChatCommand;

internal sealed record ExplainCommand(string Network) : ChatCommand;

/// <summary>
/// The plan id the chat shows: the scope and the engine's plan id in one word
/// (<c>network[:registry]:planId</c>), so <c>apply</c> needs no stored state to know what to recompute.
/// </summary>
internal sealed record ApprovalToken(OneNetwork Scope, string PlanId)
{
    public override string ToString() =>
        Scope.Registry is null ? $"{Scope.Network}:{PlanId}" : $"{Scope.Network}:{Scope.Registry}:{PlanId}";

    public static bool TryParse(string text, out ApprovalToken token)
    {
        token = null!;
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || !ChatCommand.IsNetwork(parts[0]) || !IsPlanId(parts[^1]))
        {
            return false;
        }

        if (parts.Length == 3 && !ChatCommand.IsRegistry(parts[1]))
        {
            return false;
        }

        token = new ApprovalToken(new OneNetwork(parts[0], parts.Length == 3 ? parts[1] : null), parts[^1]);
        return true;
    }

    public static bool IsPlanId(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
