using AcrReach.Core.Planning;

namespace AcrReach.Cli.Output;

/// <summary>
/// The plan's DNS records as hosts-file blocks, one per source (the document's step 4 edits /etc/hosts). A hosts
/// file has no wildcards: a wildcard record becomes a comment saying to add one line per bucket.
/// </summary>
internal static class HostsFile
{
    public static void Write(Plan plan, TextWriter output)
    {
        var first = true;
        foreach (var scope in plan.Dns.GroupBy(d => d.Scope))
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            output.WriteLine($"# acr-reach {plan.PlanId}: hosts for {scope.Key}");
            foreach (var record in scope)
            {
                if (record.IsWildcard)
                {
                    output.WriteLine($"# {record.Ip} {record.Name}  (a hosts file has no wildcards: add one line per bucket, e.g. {record.Ip} <bucket>{record.Name[1..]})");
                }
                else
                {
                    output.WriteLine($"{record.Ip} {record.Name}");
                }
            }
        }
    }
}
