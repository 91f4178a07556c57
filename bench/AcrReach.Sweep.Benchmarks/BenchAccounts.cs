using System.Collections.Immutable;
using AcrReach.Benchmarks;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>The generated account as AcrReach leaves it, and the same account with some VPCs just attached (their routes not made yet).</summary>
internal static class BenchAccounts
{
    public sealed record Generated(Account Raw, Account Converged);

    public static Generated Generate(int vpcs, int regions) => Generate(vpcs, regions, seed: 42);

    public static Generated Generate(int vpcs, int regions, int seed)
    {
        // An account id as FC passes it (digits only): the host refuses any other.
        var raw = SyntheticAccounts.Generate(vpcs, regions, seed) with { AccountId = "1234567890123456" };
        return new(raw, Converge(raw));
    }

    /// <summary>
    /// The converged account with <paramref name="fresh"/> as they were generated (no AcrReach routes in their tables): what
    /// the account looks like when those VPCs have just been attached and their events fire. The transit routers' routes
    /// toward the registries stay: other VPCs of the region made them already.
    /// </summary>
    public static Account WithFreshVpcs(Generated generated, IReadOnlyCollection<string> fresh)
    {
        var raw = generated.Raw.Vpcs.Where(v => fresh.Contains(v.Id)).ToDictionary(v => v.Id, StringComparer.Ordinal);
        return generated.Converged with { Vpcs = [.. generated.Converged.Vpcs.Select(v => raw.GetValueOrDefault(v.Id) ?? v)] };
    }

    /// <summary>VPCs spread over the account (every region, every registry): <paramref name="count"/> of them, deterministic.</summary>
    public static ImmutableArray<Vpc> Spread(Account account, int count)
    {
        var step = Math.Max(1, account.Vpcs.Length / count);
        return [.. Enumerable.Range(0, count).Select(i => account.Vpcs[((i * step) + 7) % account.Vpcs.Length]).DistinctBy(v => v.Id)];
    }

    /// <summary>The transit-router VPC attachment of <paramref name="vpc"/>: (router, attachment id).</summary>
    public static (TransitRouter Router, Attachment Attachment) AttachmentOf(Account account, string vpc) =>
        account.TransitRouters.SelectMany(r => r.Attachments.Select(a => (Router: r, Attachment: a))).First(p => p.Attachment.Type == AttachmentType.Vpc && p.Attachment.VpcId == vpc);

    // Plans applied in the model until nothing is left to add (a VPC link's address needs a second plan).
    private static Account Converge(Account account)
    {
        for (var round = 0; round < 4; round++)
        {
            var plan = Planner.Plan(account);
            if (plan.Actions.IsEmpty)
            {
                return account;
            }

            account = PlanProjection.Apply(account, plan);
        }

        return account;
    }
}
