namespace AcrReach.Cloud.Discovery;

/// <summary>Codes of the notes discovery adds about what it could not read and had to assume.</summary>
public static class DiscoveryNotes
{
    /// <summary>A data center has neither CIDRs in the policy file, nor an <c>acr-reach-cidrs</c> tag, nor propagated routes.</summary>
    public const string DataCenterCidrsUnknown = nameof(DataCenterCidrsUnknown);

    /// <summary>The registry's <c>/v2/</c> challenge could not be read: the regional auth name is assumed (no takeover).</summary>
    public const string AuthRealmUnreachable = nameof(AuthRealmUnreachable);

    /// <summary>The challenge names an auth host that is neither the regional convention nor the instance's own domain.</summary>
    public const string AuthRealmUnconventional = nameof(AuthRealmUnconventional);

    /// <summary>A value the cloud answered could not be read (a CIDR, an address, a tag); the item was skipped.</summary>
    public const string UnreadableValue = nameof(UnreadableValue);

    /// <summary>
    /// A member account's role could not be assumed (missing, or not trusting this account): its resources were not
    /// read, nothing of it is written, and the run cannot converge until the role is there. Severity error.
    /// </summary>
    public const string AccountUnreachable = nameof(AccountUnreachable);
}
