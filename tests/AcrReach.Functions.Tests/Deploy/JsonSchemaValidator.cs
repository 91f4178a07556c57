using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>
/// The draft-07 subset fc3's schema uses: type, enum, const, properties, required, additionalProperties,
/// items (schema or tuple), minItems, maxItems, minimum, maximum, multipleOf, pattern, anyOf, oneOf, allOf,
/// local $ref, if/then/else. Written here rather than adding a dependency for one test; an unknown keyword
/// fails loudly so the subset cannot silently shrink.
/// </summary>
internal sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "default", "description", "title", "definitions", "examples"];

    private readonly JsonNode _root;

    public JsonSchemaValidator(JsonNode root) => _root = root;

    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonNode schema, JsonNode? instance, string path, List<string> errors)
    {
        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (!boolean.GetValue<bool>())
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        var rules = schema.AsObject();
        foreach (var (keyword, value) in rules)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve((string)value!), instance, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray list ? list.Select(t => (string)t!).ToArray() : [(string)value!];
                    if (!types.Any(type => HasType(instance, type)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {Kind(instance)}");
                    }

                    break;
                case "enum":
                    if (!value!.AsArray().Any(option => JsonNode.DeepEquals(option, instance)))
                    {
                        errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not one of {value.ToJsonString()}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(value, instance))
                    {
                        errors.Add($"{path}: expected {value?.ToJsonString()}");
                    }

                    break;
                case "properties":
                    if (instance is JsonObject properties)
                    {
                        foreach (var (name, propertySchema) in value!.AsObject())
                        {
                            if (properties.TryGetPropertyValue(name, out var propertyValue))
                            {
                                Check(propertySchema!, propertyValue, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (instance is JsonObject extra)
                    {
                        var declared = rules["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (name, propertyValue) in extra.Where(p => !declared.Contains(p.Key)))
                        {
                            Check(value!, propertyValue, $"{path}.{name}", errors);
                        }
                    }

                    break;
                case "required":
                    if (instance is JsonObject required)
                    {
                        foreach (var name in value!.AsArray().Select(n => (string)n!).Where(n => !required.ContainsKey(n)))
                        {
                            errors.Add($"{path}: {name} is required");
                        }
                    }

                    break;
                case "items":
                    if (instance is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            var itemSchema = value is JsonArray tuple ? (i < tuple.Count ? tuple[i] : null) : value;
                            if (itemSchema is not null)
                            {
                                Check(itemSchema, items[i], $"{path}[{i}]", errors);
                            }
                        }
                    }

                    break;
                case "minItems" when instance is JsonArray array && array.Count < (int)value!:
                    errors.Add($"{path}: fewer than {value} items");
                    break;
                case "maxItems" when instance is JsonArray array && array.Count > (int)value!:
                    errors.Add($"{path}: more than {value} items");
                    break;
                case "minimum" when IsNumber(instance) && Number(instance) < Number(value):
                    errors.Add($"{path}: {Number(instance)} is below {Number(value)}");
                    break;
                case "maximum" when IsNumber(instance) && Number(instance) > Number(value):
                    errors.Add($"{path}: {Number(instance)} is above {Number(value)}");
                    break;
                case "multipleOf" when IsNumber(instance) && Number(instance) % Number(value) != 0:
                    errors.Add($"{path}: {Number(instance)} is not a multiple of {Number(value)}");
                    break;
                case "pattern" when instance is JsonValue text && text.GetValueKind() == JsonValueKind.String:
                    if (!Regex.IsMatch((string)text!, (string)value!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        errors.Add($"{path}: '{text}' does not match {value}");
                    }

                    break;
                case "anyOf":
                    if (!value!.AsArray().Any(option => Passes(option!, instance, path)))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }

                    break;
                case "oneOf":
                    if (value!.AsArray().Count(option => Passes(option!, instance, path)) != 1)
                    {
                        errors.Add($"{path}: does not match exactly one of oneOf");
                    }

                    break;
                case "allOf":
                    foreach (var option in value!.AsArray())
                    {
                        Check(option!, instance, path, errors);
                    }

                    break;
                case "if":
                    var branch = Passes(value!, instance, path) ? rules["then"] : rules["else"];
                    if (branch is not null)
                    {
                        Check(branch, instance, path, errors);
                    }

                    break;
                case "then" or "else" or "minItems" or "maxItems" or "minimum" or "maximum" or "multipleOf" or "pattern":
                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"schema keyword '{keyword}' is not implemented by this validator");
                    }

                    break;
            }
        }
    }

    private bool Passes(JsonNode schema, JsonNode? instance, string path)
    {
        var errors = new List<string>();
        Check(schema, instance, path, errors);
        return errors.Count == 0;
    }

    private JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are implemented: {reference}");
        }

        var node = _root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"unresolved reference {reference}");
        }

        return node;
    }

    private static bool HasType(JsonNode? instance, string type) => type switch
    {
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => Kind(instance) == "string",
        "boolean" => Kind(instance) == "boolean",
        "null" => instance is null,
        "number" => IsNumber(instance),
        "integer" => IsNumber(instance) && Number(instance) == Math.Floor(Number(instance)),
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private static string Kind(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            var other => other.ToString().ToLowerInvariant(),
        },
        _ => "unknown",
    };

    private static bool IsNumber(JsonNode? instance) => Kind(instance) == "number";

    private static decimal Number(JsonNode? node) => decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
