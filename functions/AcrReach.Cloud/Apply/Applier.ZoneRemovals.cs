using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Pvtz;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    public const string DnsChangedCode = "DnsChanged";

    /// <summary>Answers that mean the zone is gone already (the zone's records and bindings went with it).</summary>
    private static readonly HashSet<string> ZoneGoneCodes = new(StringComparer.Ordinal) { "Zone.Invalid.Id", "Zone.NotExists" };

    /// <summary>
    /// Removes one of AcrReach's PrivateZone records if it is there: looked up by name, type and value in its zone; absent
    /// (or the zone gone) is <see cref="StepOutcome.AlreadyAbsent"/>; there without AcrReach's remark it is left alone (a
    /// person made it, or took it over) and the step fails; there with it, deleted by its id. A run removing it at the same
    /// time shows as an id PrivateZone no longer knows: gone either way.
    /// </summary>
    private async Task<StepReport> EnsureRecordAbsentAsync(StepAction step, DeleteZoneRecord action, CancellationToken cancellationToken)
    {
        var pvtz = _apis.Pvtz;
        ImmutableArray<ZoneRecordItem> records;
        try
        {
            records = await pvtz.DescribeAllZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = action.ZoneId }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
        }
        catch (CloudApiException e) when (ZoneGoneCodes.Contains(e.Code))
        {
            return new StepReport(step, StepOutcome.AlreadyAbsent, e.RequestId, null);
        }

        var same = records.Where(r => r.Rr == action.Rr && r.Type == action.Type && r.Value == action.Value).ToList();
        if (same.Count == 0)
        {
            return new StepReport(step, StepOutcome.AlreadyAbsent, null, null);
        }

        var ours = same.Where(r => r.Remark == AcrReachMark.Name && r.RecordId is not null).ToList();
        if (ours.Count == 0)
        {
            return new StepReport(step, StepOutcome.Failed, null, new StepError(DnsChangedCode,
                $"{action.Name} {action.Type} {action.Value} in zone {action.ZoneName} no longer carries AcrReach's remark: not the record AcrReach planned to remove, left as it is"));
        }

        var deleted = false;
        string? requestId = null;
        foreach (var record in ours)
        {
            try
            {
                var answer = await pvtz.DeleteZoneRecordAsync(new DeleteZoneRecordRequest { RecordId = record.RecordId }, cancellationToken);
                (deleted, requestId) = (true, answer.RequestId ?? requestId);
            }
            catch (CloudApiException e) when (e.Code == "Record.Invalid.Id" || ZoneGoneCodes.Contains(e.Code))
            {
                // Deleted by a run going on at the same time.
            }
        }

        return new StepReport(step, deleted ? StepOutcome.Applied : StepOutcome.AlreadyAbsent, requestId, null);
    }

    /// <summary>
    /// Unbinds a VPC from a zone AcrReach made. PrivateZone has no unbind call: BindZoneVpc replaces the whole set
    /// (platform.md §7), so the set is read and sent back without the VPC — each other binding with its region and type
    /// (pvtz-20180101/src/models/BindZoneVpcRequestVpcs.ts in aliyun/alibabacloud-typescript-sdk) — and read again, as
    /// another writer may replace it meanwhile. A zone that no longer carries AcrReach's remark is left alone.
    /// </summary>
    private async Task<StepReport> EnsureUnboundAsync(StepAction step, UnbindZoneVpc action, CancellationToken cancellationToken)
    {
        var pvtz = _apis.Pvtz;
        string? sent = null;
        for (var attempt = 0; attempt <= BindAttempts; attempt++)
        {
            DescribeZoneInfoResponse info;
            try
            {
                info = await pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = action.ZoneId }, cancellationToken);
            }
            catch (CloudApiException e) when (ZoneGoneCodes.Contains(e.Code))
            {
                return new StepReport(step, sent is null ? StepOutcome.AlreadyAbsent : StepOutcome.Applied, sent ?? e.RequestId, null);
            }

            var bound = info.BindVpcs.Vpc.Where(v => v.VpcId is not null).ToList();
            if (!bound.Any(v => v.VpcId == action.VpcId))
            {
                return sent is null
                    ? new StepReport(step, StepOutcome.AlreadyAbsent, info.RequestId, null)
                    : new StepReport(step, StepOutcome.Applied, sent, null);
            }

            if (info.Remark != AcrReachMark.Name)
            {
                return new StepReport(step, StepOutcome.Failed, info.RequestId, new StepError(DnsChangedCode,
                    $"zone {action.ZoneName} no longer carries AcrReach's remark: its binding to {action.VpcId} is left as it is"));
            }

            if (attempt == BindAttempts)
            {
                break;
            }

            var answer = await pvtz.BindZoneVpcAsync(new BindZoneVpcRequest
            {
                ZoneId = action.ZoneId,
                Vpcs = [.. bound.Where(v => v.VpcId != action.VpcId).Select(v => new ZoneVpc { VpcId = v.VpcId, RegionId = v.RegionId, VpcType = v.VpcType })],
            }, cancellationToken);
            sent = answer.RequestId ?? string.Empty;
        }

        return new StepReport(step, StepOutcome.Failed, sent, new StepError("BindingNotKept",
            $"zone {action.ZoneName} got {action.VpcId} back {BindAttempts} times: another writer keeps replacing the zone's VPC set"));
    }
}
