using System.Collections.Immutable;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Scopes of one batch that look at the same networks, run once: equal scopes once; with the account among them, the
/// account alone; a registry's scope left to "every registry" (of its region) when that is asked too. A region does not
/// absorb an attachment: the attachment's run waits for it to be attached, the region's does not. Several attachments
/// become one run over all their networks (<see cref="AttachedNetworks"/>, where the first of them came), so a burst reads
/// a transit-router table their paths share once and writes a route they all need once. Pure and linear (a batch may
/// name thousands); first appearance decides the order.
/// </summary>
public static class ScopeMerging
{
    public static ImmutableArray<ReconcileScope> Merge(IEnumerable<ReconcileScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var seen = new HashSet<ReconcileScope>();
        var distinct = scopes.Where(seen.Add).ToList();
        if (seen.Contains(WholeAccount.Instance))
        {
            return [WholeAccount.Instance];
        }

        var everyRegistry = seen.Contains(new RegistryNetworks(null, null));
        var everyRegistryIn = distinct.OfType<RegistryNetworks>().Where(r => r is { InstanceId: null, Region: not null }).Select(r => r.Region!).ToHashSet(StringComparer.Ordinal);
        var attachments = distinct.SelectMany(scope => scope switch
        {
            AttachmentNetwork one => [one],
            AttachedNetworks many => many.Attachments,
            _ => ImmutableArray<AttachmentNetwork>.Empty,
        }).Distinct().ToImmutableArray();
        var merged = attachments.Length == 1 ? attachments[0] : attachments.IsEmpty ? null : (ReconcileScope)new AttachedNetworks(attachments);
        var runs = ImmutableArray.CreateBuilder<ReconcileScope>();
        foreach (var scope in distinct)
        {
            var keep = scope switch
            {
                RegistryNetworks { InstanceId: null, Region: null } => true,
                RegistryNetworks { InstanceId: null } => !everyRegistry,
                RegistryNetworks { Region: var region } => !everyRegistry && !(region is not null && everyRegistryIn.Contains(region)),
                _ => true,
            };
            if (scope is AttachmentNetwork or AttachedNetworks)
            {
                if (merged is not null)
                {
                    runs.Add(merged);
                    merged = null;
                }
            }
            else if (keep)
            {
                runs.Add(scope);
            }
        }

        return runs.ToImmutable();
    }
}
