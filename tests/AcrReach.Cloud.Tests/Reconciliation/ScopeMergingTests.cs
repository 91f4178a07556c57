using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Reconciliation;

public sealed class ScopeMergingTests
{
    private static readonly AttachmentNetwork First = Attachment("tr-attach-1", "vpc-1");
    private static readonly AttachmentNetwork Second = Attachment("tr-attach-2", "vpc-2");
    private static readonly AttachmentNetwork Third = Attachment("tr-attach-3", "vpc-3");

    [Fact]
    public void Attachments_of_a_batch_become_one_run_where_the_first_of_them_came()
    {
        var runs = ScopeMerging.Merge([new RegionNetworks("cn-beijing"), First, new OneNetwork("idc-1"), Second, First, Third]);

        Assert.Equal<ReconcileScope>([new RegionNetworks("cn-beijing"), new AttachedNetworks([First, Second, Third]), new OneNetwork("idc-1")], runs);
    }

    [Fact]
    public void One_attachment_stays_itself()
    {
        Assert.Equal<ReconcileScope>([First], ScopeMerging.Merge([First, First]));
    }

    [Fact]
    public void A_merged_run_asked_again_takes_in_the_new_attachments_once()
    {
        var runs = ScopeMerging.Merge([new AttachedNetworks([First, Second]), Second, Third]);

        Assert.Equal<ReconcileScope>([new AttachedNetworks([First, Second, Third])], runs);
    }

    [Fact]
    public void A_region_does_not_absorb_its_attachments_and_the_account_absorbs_everything()
    {
        Assert.Equal<ReconcileScope>([new RegionNetworks("cn-shanghai"), new AttachedNetworks([First, Second])], ScopeMerging.Merge([new RegionNetworks("cn-shanghai"), First, Second]));
        Assert.Equal<ReconcileScope>([WholeAccount.Instance], ScopeMerging.Merge([First, WholeAccount.Instance, Second]));
    }

    [Fact]
    public void Merged_runs_are_equal_when_their_attachments_are_in_the_same_order()
    {
        Assert.Equal(new AttachedNetworks([First, Second]), new AttachedNetworks([Attachment("tr-attach-1", "vpc-1"), Attachment("tr-attach-2", "vpc-2")]));
        Assert.Equal(new AttachedNetworks([First, Second]).GetHashCode(), new AttachedNetworks([Attachment("tr-attach-1", "vpc-1"), Attachment("tr-attach-2", "vpc-2")]).GetHashCode());
        Assert.NotEqual(new AttachedNetworks([First, Second]), new AttachedNetworks([Second, First]));
    }

    [Fact]
    public void A_merged_run_names_a_few_of_its_attachments_and_counts_the_rest()
    {
        var described = new AttachedNetworks([First, Second, Third, Attachment("tr-attach-4", "vpc-4"), Attachment("tr-attach-5", "vpc-5")]).Describe();

        Assert.Equal("5 attachment(s): VPC attachment tr-attach-1 of vpc-1 in cn-shanghai; VPC attachment tr-attach-2 of vpc-2 in cn-shanghai; VPC attachment tr-attach-3 of vpc-3 in cn-shanghai; and 2 more", described);
    }

    private static AttachmentNetwork Attachment(string id, string vpc) => new(AttachmentType.Vpc, id, vpc, null, "cn-shanghai");
}
