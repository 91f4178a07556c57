namespace AcrReach.Cloud.Credentials;

/// <summary>
/// The shared credentials file <c>~/.alibabacloud/credentials</c> (or <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>), an INI
/// file whose section is the profile named by <c>ALIBABA_CLOUD_PROFILE</c>, else <c>default</c>; type
/// <c>access_key</c> with <c>access_key_id</c>/<c>access_key_secret</c> (npm <c>@alicloud/credentials</c>
/// <c>profile.ts</c>). Types that need STS or ECS metadata are reported as not supported.
/// </summary>
public sealed class IniProfileCredentialSource(CredentialEnvironment environment) : ICredentialSource
{
    public const string FileVariable = "ALIBABA_CLOUD_CREDENTIALS_FILE";

    private readonly CredentialEnvironment _environment = environment ?? throw new ArgumentNullException(nameof(environment));

    public string Description => Path ?? "~/.alibabacloud/credentials";

    private string? Path =>
        _environment.Variable(FileVariable) is { Length: > 0 } file ? file
        : _environment.HomeDirectory is { } home ? System.IO.Path.Combine(home, ".alibabacloud", "credentials")
        : null;

    public CredentialLookup Find()
    {
        if (Path is not { } path)
        {
            return CredentialLookup.NotFound("no home directory");
        }

        if (!File.Exists(path))
        {
            return CredentialLookup.NotFound("file not found");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CredentialLookup.NotFound($"cannot be read: {e.Message}");
        }

        var name = _environment.Variable(CliProfileCredentialSource.ProfileVariable) is { Length: > 0 } chosen ? chosen : "default";
        if (Section(lines, name) is not { } values)
        {
            return CredentialLookup.NotFound($"no section [{name}]");
        }

        var type = values.GetValueOrDefault("type");
        if (type != "access_key")
        {
            return CredentialLookup.NotFound($"profile '{name}' has type '{type}'; AcrReach reads type access_key");
        }

        var id = values.GetValueOrDefault("access_key_id");
        var secret = values.GetValueOrDefault("access_key_secret");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return CredentialLookup.NotFound($"profile '{name}' has no access_key_id/access_key_secret");
        }

        return CredentialLookup.Found(new CloudCredentials(id, secret));
    }

    /// <summary>The <c>key = value</c> lines of one <c>[section]</c>; <c>#</c> and <c>;</c> start comments.</summary>
    private static Dictionary<string, string>? Section(IEnumerable<string> lines, string name)
    {
        Dictionary<string, string>? values = null;
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                inSection = line[1..^1].Trim() == name;
                if (inSection)
                {
                    values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inSection && equals > 0)
            {
                values![line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }
}
