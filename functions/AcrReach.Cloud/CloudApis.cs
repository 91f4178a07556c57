using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud;

/// <summary>
/// The typed APIs over one set of credentials. Cheap to make (one per FC invocation is fine): the HTTP
/// connections, retry pipeline and rate limits are shared through the <see cref="CloudClientFactory"/>.
/// </summary>
public sealed class CloudApis
{
    private readonly CloudClientFactory _factory;
    private readonly OpenApiClient _client;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CloudApis> _members = new(StringComparer.Ordinal);

    internal CloudApis(CloudClientFactory factory, OpenApiClient client, ICredentialProvider credentials)
    {
        _factory = factory;
        _client = client;
        Credentials = credentials;
        Cbn = new CbnApi(client);
        Pvtz = new PvtzApi(client);
    }

    public ICredentialProvider Credentials { get; }

    public ICbnApi Cbn { get; }

    public IPvtzApi Pvtz { get; }

    public IVpcApi Vpc(string regionId) => new VpcApi(_client, regionId);

    /// <summary>
    /// The APIs of a member account: its role assumed with these APIs' credentials (cached and refreshed by
    /// <see cref="AssumedRoleCredentialProvider"/>), one per member for the life of these APIs.
    /// </summary>
    public CloudApis AsMember(Core.Topology.MemberAccount member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return _members.GetOrAdd(member.AccountId, _ => _factory.Create(new AssumedRoleCredentialProvider(_client, member, _factory.Time)));
    }

    /// <summary>The APIs that may act on <paramref name="resourceId"/>: these for the network account's own, a member's otherwise.</summary>
    public CloudApis For(Core.Topology.Account account, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var owner = account.OwnerOf(resourceId);
        return owner == account.AccountId || account.FindMember(owner) is not { } member ? this : AsMember(member);
    }

    public ICrApi Cr(string regionId) => new CrApi(_client, regionId);

    /// <summary>MNS for one account (the queue owner) in one region.</summary>
    public IMnsApi Mns(string accountId, string regionId) =>
        new MnsApi(
            _factory.Http,
            _factory.Pipeline,
            Credentials,
            _factory.Time,
            _factory.Endpoints.ResolveMns(accountId, regionId, _factory.Options.MnsInternalEndpoint));

    /// <summary>Function Compute 3.0 for one account (the function's owner) in one region.</summary>
    public IFcApi Fc(string accountId, string regionId) =>
        new FcApi(
            _factory.Http,
            _factory.Pipeline,
            Credentials,
            _factory.Time,
            _factory.Endpoints.ResolveFc(accountId, regionId),
            _factory.Options.UserAgent,
            _factory.Nonce);
}
