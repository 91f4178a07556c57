using System.Collections.Immutable;
using AcrReach.Cloud;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>
/// The RAM actions the function role must grant.
/// </summary>
internal static class ExpectedRamActions
{
    /// <summary>
    /// Every action the cloud client can call, read from the client's own operation declarations, so the policy in
    /// template.yml is compared against the code rather than against a copy of the reference.
    /// </summary>
    public static ImmutableSortedSet<string> Client { get; } = ApiCatalog.RamActions
        .Concat(ApiCatalog.ServiceLinkedRoles.IsEmpty ? [] : ["ram:CreateServiceLinkedRole"])
        .ToImmutableSortedSet(StringComparer.Ordinal);

    /// <summary>Actions FC itself performs with the function's role (not client calls): writing stdout to the logstore.</summary>
    public static ImmutableSortedSet<string> Platform { get; } = ImmutableSortedSet.Create(StringComparer.Ordinal, "log:PostLogStoreLogs");
}
