using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Scenarios;

/// <summary>
/// What a policy file adds to an account discovered from the cloud: data centers (name and CIDRs), reach rules and
/// route scopes, and OSS VIP range overrides. The same field names as a scenario's <c>dataCenters</c>, <c>policy</c>
/// and <c>ossVipRanges</c> sections.
/// </summary>
public sealed record PolicySettings(
    ImmutableArray<DataCenter> DataCenters,
    ReachPolicy Policy,
    ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>> OssVipRanges)
{
    public static readonly PolicySettings None = new([], ReachPolicy.Default, ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The member accounts (<c>accounts</c>) whose resources are read and written by assuming their role.</summary>
    public ImmutableArray<MemberAccount> Members { get; init; } = [];
}

public static partial class ScenarioReader
{
    /// <summary>
    /// Reads a policy file's bytes strictly (unknown fields, bad CIDRs, a rule with two sources are errors naming the JSON path).
    /// A whole scenario file is accepted too (it has an <c>accountId</c>): its sections are taken, fully checked.
    /// </summary>
    public static PolicySettings ReadPolicy(ReadOnlySpan<byte> json, string file)
    {
        if (IsScenario(json, file))
        {
            var account = Read(json, file);
            return new PolicySettings(account.DataCenters, account.Policy, account.OssVipRangeOverrides) { Members = account.Members };
        }

        JsonShape.Check(json, file);
        PolicyFileDocument document;
        try
        {
            document = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.PolicyFileDocument)
                ?? throw new InvalidInputException(file, "$", "expected a policy object, got null");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(file, e.Path ?? "$", Describe(e));
        }

        var asScenario = new ScenarioDocument
        {
            AccountId = "policy",
            Accounts = document.Accounts,
            DataCenters = document.DataCenters,
            Policy = document.Policy,
            OssVipRanges = document.OssVipRanges,
        };
        return new Builder(file, asScenario, checkReferences: false).BuildPolicySettings();
    }

    private static bool IsScenario(ReadOnlySpan<byte> json, string file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidInputException(file, "$", "expected a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("accountId"u8))
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not valid JSON: the strict reader below says where.
        }

        return false;
    }
}
