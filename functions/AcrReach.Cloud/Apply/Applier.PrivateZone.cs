using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Pvtz;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>How many times a binding is re-read and re-sent when another writer's BindZoneVpc replaced it meanwhile.</summary>
    private const int BindAttempts = 3;

    /// <summary>
    /// One zone: found by exact name or added (ProxyPattern RECORD, so names the zone has no record for still resolve as
    /// before) and marked in its remark; missing records added (marked in their remark); then the zone bound to the source VPCs while KEEPING its
    /// existing bindings — BindZoneVpc replaces the whole set (platform.md §7), so the set is read first and sent whole,
    /// after the records exist. A record of the same name with another address is a conflict, never changed.
    /// </summary>
    private async Task<StepReport> EnsureZoneAsync(StepAction step, PrivateZoneChange change, CancellationToken cancellationToken)
    {
        var pvtz = _apis.Pvtz;
        var changed = false;
        var zones = await pvtz.DescribeAllZonesAsync(new DescribeZonesRequest { Keyword = change.ZoneName, SearchMode = "EXACT" }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
        var zoneId = zones.FirstOrDefault(z => string.Equals(z.ZoneName, change.ZoneName, StringComparison.OrdinalIgnoreCase))?.ZoneId;
        string? lastRequest = null;
        if (zoneId is null)
        {
            var added = await pvtz.AddZoneAsync(new AddZoneRequest { ZoneName = change.ZoneName, ProxyPattern = "RECORD", ClientToken = ClientTokens.ForZone(change.ZoneName) }, cancellationToken);
            zoneId = added.ZoneId ?? throw new CloudApiException(CloudApiException.InvalidResponseCode, "AddZone answered no ZoneId", added.RequestId, 200, action: "pvtz:AddZone");

            // The zone is AcrReach's: marked, so a prune may unbind the VPCs no rule needs it for (AddZone takes no remark).
            // Unmarked (this call failed) it counts as someone else's, and its bindings are never touched: the safe side.
            var marked = await pvtz.UpdateZoneRemarkAsync(new UpdateZoneRemarkRequest { ZoneId = zoneId, Remark = AcrReachMark.Name }, cancellationToken);
            (changed, lastRequest) = (true, marked.RequestId ?? added.RequestId);
        }

        var records = await pvtz.DescribeAllZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = zoneId }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
        foreach (var wanted in change.Records)
        {
            var sameName = records.Where(r => r.Rr == wanted.Rr && r.Type == wanted.Type).ToList();
            if (sameName.Any(r => r.Value == wanted.Value))
            {
                continue;
            }

            if (sameName.Count > 0)
            {
                return new StepReport(step, StepOutcome.Failed, lastRequest, new StepError(DnsConflictCode,
                    $"{(wanted.Rr == "@" ? change.ZoneName : $"{wanted.Rr}.{change.ZoneName}")} already resolves to {string.Join(", ", sameName.Select(r => r.Value))} in zone {zoneId}; AcrReach needs {wanted.Value} and never changes a record"));
            }

            try
            {
                var added = await pvtz.AddZoneRecordAsync(new AddZoneRecordRequest
                {
                    ZoneId = zoneId,
                    Rr = wanted.Rr,
                    Type = wanted.Type,
                    Value = wanted.Value,
                    Remark = AcrReachMark.Name,
                    ClientToken = ClientTokens.ForRecord(zoneId, wanted),
                }, cancellationToken);
                (changed, lastRequest) = (true, added.RequestId);
            }
            catch (CloudApiException e) when (e.Code.StartsWith("Record.Invalid.Conflict", StringComparison.Ordinal) || e.Code.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            {
                // Added by a run going on at the same time.
            }
        }

        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            var info = await pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = zoneId }, cancellationToken);
            // Each existing binding goes back with its region AND type: an EDS workspace VPC re-sent without VpcType
            // would be rebound as STANDARD (pvtz-20180101/src/models/BindZoneVpcRequestVpcs.ts in aliyun/alibabacloud-typescript-sdk).
            var bound = info.BindVpcs.Vpc.Where(v => v.VpcId is not null).Select(v => new ZoneVpc { VpcId = v.VpcId, RegionId = v.RegionId, VpcType = v.VpcType }).ToList();
            var missing = change.Vpcs.Where(v => !bound.Any(b => b.VpcId == v.VpcId)).ToList();
            if (missing.Count == 0)
            {
                return changed
                    ? new StepReport(step, StepOutcome.Applied, lastRequest, null)
                    : new StepReport(step, StepOutcome.AlreadyPresent, info.RequestId, null);
            }

            var answer = await pvtz.BindZoneVpcAsync(new BindZoneVpcRequest
            {
                ZoneId = zoneId,
                Vpcs = [.. bound.Concat(missing.Select(v => new ZoneVpc { VpcId = v.VpcId, RegionId = v.RegionId }))],
            }, cancellationToken);
            (changed, lastRequest) = (true, answer.RequestId);
        }

        return new StepReport(step, StepOutcome.Failed, lastRequest, new StepError("BindingNotKept",
            $"zone {change.ZoneName} lost its binding to {string.Join(", ", change.Vpcs.Select(v => v.VpcId))} {BindAttempts} times: another writer keeps replacing the zone's VPC set"));
    }
}
