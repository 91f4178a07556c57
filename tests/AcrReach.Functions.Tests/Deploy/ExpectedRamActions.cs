using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AcrReach.Cloud;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>
/// The RAM actions the function role must grant.
/// </summary>
internal static partial class ExpectedRamActions
{
    /// <summary>
    /// Every action the product's code calls: the operations the client declares (<see cref="ApiCatalog"/>) that some
    /// code outside the client's own API classes invokes, so the policy in template.yml is compared against the calls
    /// rather than against what could be called (a declared operation nobody calls must not be granted).
    /// </summary>
    public static ImmutableSortedSet<string> Client => LazyClient.Value;

    /// <summary>Actions FC itself performs with the function's role (not client calls): writing stdout to the logstore.</summary>
    public static ImmutableSortedSet<string> Platform { get; } = ImmutableSortedSet.Create(StringComparer.Ordinal, "log:PostLogStoreLogs");

    private static readonly Lazy<ImmutableSortedSet<string>> LazyClient = new(() =>
    {
        var called = CalledOperations();
        return called.Select(o => o.RamAction)
            .Concat(called.Any(o => o.CreatesServiceLinkedRole is not null) ? ["ram:CreateServiceLinkedRole"] : [])
            .ToImmutableSortedSet(StringComparer.Ordinal);
    });

    /// <summary>The catalogued operations whose <c>XxxAsync</c> method is named anywhere in the production code but its own API files.</summary>
    public static ImmutableArray<ApiOperation> CalledOperations()
    {
        var sources = ProductionSources().Select(File.ReadAllText).ToArray();
        return [.. ApiCatalog.Operations.Where(o =>
        {
            // A typed API's method (vpc.CreateRouteEntryAsync), or the operation handed to the client itself (StsOperations.AssumeRole).
            var call = new Regex($@"\.{o.Action}Async\b|Operations\.{o.Action}\b", RegexOptions.CultureInvariant);
            return sources.Any(call.IsMatch);
        })];
    }

    /// <summary>
    /// The production C# files of every project that may call the cloud client, without the client's API classes and
    /// interfaces (which name every method) and without the local cloud (which serves the actions, never calls them).
    /// </summary>
    private static IEnumerable<string> ProductionSources()
    {
        var functions = Path.Combine(TestSupport.Scenarios.RepositoryRoot, "functions");
        return Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}AcrReach.LocalCloud{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !ApiFile().IsMatch(Path.GetFileName(path))
                && !Path.GetFileName(path).EndsWith("Operations.cs", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^I?(Vpc|Cbn|Cr|Pvtz|Mns|Fc|Sts)Api\.cs$")]
    private static partial Regex ApiFile();
}
