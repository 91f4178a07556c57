using System.Collections.Immutable;

namespace AcrReach.Cloud.Credentials;

/// <summary>
/// The official default chain, in its order (platform.md §2b): environment variables, then the CLI profile
/// (<c>~/.aliyun/config.json</c>), then the shared INI file (<c>~/.alibabacloud/credentials</c>). Like the SDKs it
/// remembers the link that last succeeded. OIDC, ECS metadata and credentials-URI links are not implemented:
/// inside FC the environment (or better, the request headers) always has credentials.
/// </summary>
public sealed class DefaultCredentialChain : ICredentialProvider
{
    private readonly ImmutableArray<ICredentialSource> _sources;
    private ICredentialSource? _last;

    public DefaultCredentialChain(CredentialEnvironment environment)
        : this([
            new EnvironmentCredentialSource(environment),
            new CliProfileCredentialSource(environment),
            new IniProfileCredentialSource(environment),
        ])
    {
    }

    public DefaultCredentialChain(ImmutableArray<ICredentialSource> sources)
    {
        if (sources.IsDefaultOrEmpty)
        {
            throw new ArgumentException("the chain needs at least one source", nameof(sources));
        }

        _sources = sources;
    }

    /// <summary>The chain over the real process environment and home directory.</summary>
    public static DefaultCredentialChain ForCurrentUser() => new(CredentialEnvironment.System);

    public string Name => _last is { } last ? $"default chain: {last.Description}" : "default chain";

    public ImmutableArray<ICredentialSource> Sources => _sources;

    public ValueTask<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _last) is { } last && last.Find().Credentials is { } remembered)
        {
            return ValueTask.FromResult(remembered);
        }

        var tried = ImmutableArray.CreateBuilder<string>(_sources.Length);
        foreach (var source in _sources)
        {
            var lookup = source.Find();
            if (lookup.Credentials is { } credentials)
            {
                Volatile.Write(ref _last, source);
                return ValueTask.FromResult(credentials);
            }

            tried.Add($"{source.Description}: {lookup.Reason}");
        }

        throw new CredentialsNotFoundException(tried.MoveToImmutable());
    }
}

/// <summary>No link of the credential chain had credentials; <see cref="Tried"/> says where it looked and why each failed.</summary>
public sealed class CredentialsNotFoundException : Exception
{
    public CredentialsNotFoundException(ImmutableArray<string> tried)
        : base("no Alibaba Cloud credentials found; tried " + string.Join("; ", tried))
    {
        Tried = tried;
    }

    public CredentialsNotFoundException()
        : this([])
    {
    }

    public CredentialsNotFoundException(string message)
        : base(message)
    {
        Tried = [];
    }

    public CredentialsNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tried = [];
    }

    public ImmutableArray<string> Tried { get; }
}
