using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>The repository's deployment files, parsed once.</summary>
internal static partial class DeploymentFiles
{
    public const string AccountId = "1234567890123456";

    private static readonly Lazy<JsonObject> LazyServerlessDevs = new(() => ResolveDevsExpressions(YamlJson.Load(PathOf("s.yaml")).AsObject()));

    private static readonly Lazy<JsonObject> LazyRos = new(() => YamlJson.Load(PathOf("template.yml")).AsObject());

    /// <summary>s.yaml with its <c>${vars.x}</c>, <c>${env('X', 'default')}</c> and <c>${config('AccountID')}</c> expressions resolved as <c>s</c> would.</summary>
    public static JsonObject ServerlessDevs => LazyServerlessDevs.Value;

    public static JsonObject Ros => LazyRos.Value;

    public static JsonNode Fc3Schema => JsonNode.Parse(File.ReadAllText(PathOf("fc3-props.schema.json")))!;

    /// <summary>Each s.yaml function's props by the function it selects.</summary>
    public static IReadOnlyDictionary<FunctionKind, JsonObject> DevsFunctions =>
        ServerlessDevs["resources"]!.AsObject()
            .Select(resource => resource.Value!["props"]!.AsObject())
            .ToDictionary(props => FunctionKinds.TryParse((string)props["functionName"]!) ?? throw new InvalidOperationException($"{props["functionName"]} selects no function"));

    public static IEnumerable<(string Name, JsonObject Properties)> RosResources(string type) =>
        Ros["Resources"]!.AsObject()
            .Where(resource => (string)resource.Value!["Type"]! == type)
            .Select(resource => (resource.Key, resource.Value!["Properties"]!.AsObject()));

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Deploy", name);

    private static JsonObject ResolveDevsExpressions(JsonObject document)
    {
        var vars = document["vars"]!.AsObject().ToDictionary(v => v.Key, v => Substitute((string)v.Value!, new Dictionary<string, string>()));
        return (JsonObject)Walk(document, vars)!;
    }

    private static JsonNode? Walk(JsonNode? node, Dictionary<string, string> vars) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Walk(p.Value, vars)))),
        JsonArray array => new JsonArray([.. array.Select(item => Walk(item, vars))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Substitute(text, vars)),
        _ => node?.DeepClone(),
    };

    private static string Substitute(string text, Dictionary<string, string> vars) =>
        Expression().Replace(text, match =>
        {
            var inner = match.Groups[1].Value.Trim();
            if (inner.StartsWith("vars.", StringComparison.Ordinal))
            {
                return vars[inner["vars.".Length..]];
            }

            if (EnvCall().Match(inner) is { Success: true } env)
            {
                return env.Groups[2].Success ? env.Groups[2].Value : $"example-{env.Groups[1].Value}";
            }

            if (inner == "config('AccountID')")
            {
                return AccountId;
            }

            throw new InvalidOperationException($"unknown Serverless Devs expression ${{{inner}}}");
        });

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^env\('([A-Z0-9_]+)'(?:\s*,\s*'([^']*)')?\)$")]
    private static partial Regex EnvCall();
}
