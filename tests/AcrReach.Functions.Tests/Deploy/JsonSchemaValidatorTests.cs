using System.Text.Json.Nodes;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>The validator must fail where draft-07 fails, or the schema test above proves nothing.</summary>
public sealed class JsonSchemaValidatorTests
{
    private static readonly JsonSchemaValidator Fc3 = new(DeploymentFiles.Fc3Schema);

    private static JsonObject ValidProps() => new()
    {
        ["region"] = "cn-hangzhou",
        ["functionName"] = "acr-reach-sweep",
        ["runtime"] = "custom.debian12",
        ["code"] = "./dist/fc",
        ["memorySize"] = 512,
        ["customRuntimeConfig"] = new JsonObject { ["command"] = new JsonArray("/code/bootstrap"), ["port"] = 9000 },
        ["environmentVariables"] = new JsonObject { ["A"] = "1" },
        ["triggers"] = new JsonArray(new JsonObject
        {
            ["triggerName"] = "t",
            ["triggerType"] = "timer",
            ["triggerConfig"] = new JsonObject { ["cronExpression"] = "0 0 * * * *", ["enable"] = true },
        }),
        ["vpcConfig"] = new JsonObject { ["vpcId"] = "vpc-1", ["vSwitchIds"] = new JsonArray("vsw-1"), ["securityGroupId"] = "sg-1" },
    };

    [Fact]
    public void Accepts_valid_props()
    {
        Assert.Empty(Fc3.Validate(ValidProps()));
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "runtime=dotnet8", "runtime" },
        { "region=mars-1", "region" },
        { "memorySize=500", "multiple of 64" },
        { "memorySize=64", "below" },
        { "memorySize=\"512\"", "expected integer" },
        { "remove code", "code is required" },
        { "remove functionName", "functionName is required" },
        { "environmentVariables.A=1", "expected string" },
        { "triggers.0.triggerType=webhook", "triggerType" },
        { "triggers.0.triggerConfig=\"every hour\"", "anyOf" },
        { "vpcConfig=manual", "anyOf" },
        { "customRuntimeConfig.command=/code/bootstrap", "expected array" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Rejects_props_the_fc3_component_rejects(string change, string expected)
    {
        var props = ValidProps();
        Apply(props, change);

        var errors = Fc3.Validate(props);

        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Requires_a_handler_for_built_in_runtimes_only()
    {
        var builtIn = ValidProps();
        builtIn["runtime"] = "python3.10";

        Assert.Contains("$: handler is required", Fc3.Validate(builtIn));
        Assert.DoesNotContain(Fc3.Validate(ValidProps()), error => error.Contains("handler", StringComparison.Ordinal));
    }

    [Fact]
    public void Checks_tuple_items_additional_properties_and_refuses_unknown_keywords()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"a":{"items":[{"type":"string"}]}},"additionalProperties":{"type":"number"}}""")!;
        var validator = new JsonSchemaValidator(schema);

        Assert.Empty(validator.Validate(JsonNode.Parse("""{"a":["x",1],"b":2}""")));
        Assert.Equal(2, validator.Validate(JsonNode.Parse("""{"a":[1],"b":"two"}""")).Count);
        Assert.Throws<NotSupportedException>(() => new JsonSchemaValidator(JsonNode.Parse("""{"uniqueItems":true}""")!).Validate(new JsonArray()));
    }

    private static void Apply(JsonObject props, string change)
    {
        if (change.StartsWith("remove ", StringComparison.Ordinal))
        {
            props.Remove(change["remove ".Length..]);
            return;
        }

        var split = change.IndexOf('=', StringComparison.Ordinal);
        var path = change[..split].Split('.');
        var raw = change[(split + 1)..];
        var value = raw.StartsWith('{') || raw.StartsWith('"') || char.IsDigit(raw[0]) ? JsonNode.Parse(raw) : JsonValue.Create(raw);
        JsonNode parent = props;
        foreach (var part in path[..^1])
        {
            parent = int.TryParse(part, out var index) ? parent[index]! : parent[part]!;
        }

        parent[path[^1]] = value;
    }
}
