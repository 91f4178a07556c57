using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Scenarios;

/// <summary>
/// Reads a scenario strictly: unknown fields, malformed or non-canonical CIDRs, dangling references and duplicate
/// ids all become one <see cref="InvalidInputException"/> naming the file, the JSON path and what is wrong.
/// It reads no file: the edges read it and hand in its bytes and its name (for the errors).
/// </summary>
public static partial class ScenarioReader
{
    public static Account Read(ReadOnlySpan<byte> json, string file)
    {
        // Editors on Windows often save UTF-8 with a byte-order mark; JSON readers may ignore it (RFC 8259 §8.1).
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (json.StartsWith(byteOrderMark))
        {
            json = json[byteOrderMark.Length..];
        }

        JsonShape.Check(json, file);
        var document = Deserialize(json, file);
        return new Builder(file, document).Build();
    }

    public static Account Read(string json, string file) => Read(System.Text.Encoding.UTF8.GetBytes(json), file);

    private static ScenarioDocument Deserialize(ReadOnlySpan<byte> json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ScenarioDocument)
                ?? throw new InvalidInputException(file, "$", "expected a scenario object, got null");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(file, e.Path ?? "$", Describe(e));
        }
    }

    /// <summary>System.Text.Json's messages name .NET types; a person editing a scenario needs the field and the fix.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var unknown = UnknownMemberPattern().Match(message);
        if (unknown.Success)
        {
            return $"unknown field '{unknown.Groups[1].Value}' (fields are camelCase; see FORMAT.md)";
        }

        if (e.InnerException is InvalidOperationException { Message: var transcoding } && transcoding.Contains("UTF-8", StringComparison.Ordinal))
        {
            return "not valid UTF-8 text (save the scenario as UTF-8)";
        }

        var missing = MissingRequiredPattern().Match(message);
        if (missing.Success)
        {
            return $"missing required field {missing.Groups[1].Value.Trim()}";
        }

        if (message.Contains("doesn't allow getting null values", StringComparison.Ordinal)
            || message.Contains("does not allow null values", StringComparison.Ordinal)
            || message.Contains("allow null", StringComparison.OrdinalIgnoreCase))
        {
            return "must not be null";
        }

        if (e.InnerException is InvalidOperationException inner && TokenPattern().Match(inner.Message) is { Success: true } token)
        {
            var got = token.Groups[1].Value switch
            {
                "Number" => "a number",
                "String" => "a string",
                "True" or "False" => "true or false",
                "StartObject" => "an object",
                "StartArray" => "an array",
                var other => other,
            };
            var wanted = token.Groups[2].Value switch
            {
                "string" => "a string",
                "boolean" => "true or false",
                var other => other,
            };
            return $"wrong type: expected {wanted}, got {got}";
        }

        var conversion = ConversionPattern().Match(message);
        if (conversion.Success)
        {
            var target = conversion.Groups[1].Value;
            var expected = target switch
            {
                _ when target.StartsWith("System.String", StringComparison.Ordinal) => "a string",
                _ when target.StartsWith("System.Boolean", StringComparison.Ordinal) || target.StartsWith("System.Nullable`1[System.Boolean]", StringComparison.Ordinal) => "true or false",
                _ when target.Contains("List`1", StringComparison.Ordinal) => "an array",
                _ when target.Contains("Dictionary`2", StringComparison.Ordinal) => "an object",
                _ => "an object",
            };
            return $"wrong type: expected {expected}";
        }

        if (e.LineNumber is { } line)
        {
            var column = (e.BytePositionInLine ?? 0) + 1;
            var firstSentence = message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
            return $"not valid JSON at line {line + 1}, column {column}: {firstSentence}";
        }

        return message;
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMemberPattern();

    [GeneratedRegex("missing required properties including: (.*?)\\.?(?: Path:|$)")]
    private static partial Regex MissingRequiredPattern();

    [GeneratedRegex("token type '(\\w+)' as a (\\w+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("could not be converted to (\\S+)")]
    private static partial Regex ConversionPattern();

    /// <param name="checkReferences">False for a policy file: its rules name VPCs, registries and data centers of an
    /// account it does not describe (the planner reports the ones the account lacks).</param>
    private sealed class Builder(string file, ScenarioDocument document, bool checkReferences = true)
    {
        private readonly HashSet<string> _routeTableIds = new(StringComparer.Ordinal);

        // Look-ups by id, filled as each section is built, so checking a reference costs the same in a large file.
        private readonly Dictionary<string, Vpc> _vpcsById = new(StringComparer.Ordinal);
        private readonly HashSet<string> _dataCenterNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _registryIds = new(StringComparer.Ordinal);

        public Account Build()
        {
            Require(document.AccountId, "$.accountId");
            var vpcs = BuildVpcs();
            var dataCenters = BuildDataCenters();
            var transitRouters = BuildTransitRouters();
            CheckVpcAttachmentHops(vpcs, transitRouters);
            var registries = BuildRegistries();
            var endpoints = BuildRegionalEndpoints();
            var vipRanges = BuildOssVipRanges();
            var policy = BuildPolicy();
            var members = BuildMembers();
            return new Account(document.AccountId, vpcs, transitRouters, registries, endpoints, vipRanges, dataCenters, policy)
            {
                PrivateZones = BuildPrivateZones(),
                Members = members,
                Owners = BuildOwners(members),
            };
        }

        private ImmutableArray<MemberAccount> BuildMembers()
        {
            var list = document.Accounts ?? [];
            var result = ImmutableArray.CreateBuilder<MemberAccount>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.accounts[{i}]";
                var accountId = Identifiers.CloudIds.RequireAccountId(list[i].AccountId, file, $"{path}.accountId");
                if (accountId == document.AccountId)
                {
                    throw Error($"{path}.accountId", $"{accountId} is the scenario's own accountId (the network account, where AcrReach runs with its own credentials); list only member accounts");
                }

                if (result.Any(m => m.AccountId == accountId))
                {
                    throw Error($"{path}.accountId", $"duplicate account '{accountId}'");
                }

                result.Add(new MemberAccount(accountId, Identifiers.CloudIds.RequireRoleName(list[i].RoleName, file, $"{path}.roleName")));
            }

            return result.MoveToImmutable();
        }

        /// <summary>Who owns what: only resources of a member account are listed (the rest are the network account's).</summary>
        private ImmutableSortedDictionary<string, string> BuildOwners(ImmutableArray<MemberAccount> members)
        {
            var owners = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            void Claim(string id, string? accountId, string path)
            {
                if (accountId is null || accountId == document.AccountId)
                {
                    return;
                }

                if (!members.Any(m => m.AccountId == accountId))
                {
                    throw Error(path, $"account '{accountId}' is neither the scenario's accountId nor listed in accounts (add {{ \"accountId\": \"{accountId}\", \"roleName\": \"AcrReachRole\" }} to accounts)");
                }

                owners[id] = accountId;
            }

            var vpcs = document.Vpcs ?? [];
            for (var i = 0; i < vpcs.Count; i++)
            {
                Claim(vpcs[i].Id, vpcs[i].AccountId, $"$.vpcs[{i}].accountId");
            }

            var routers = document.TransitRouters ?? [];
            for (var i = 0; i < routers.Count; i++)
            {
                Claim(routers[i].Id, routers[i].AccountId, $"$.transitRouters[{i}].accountId");
            }

            var registries = document.Registries ?? [];
            for (var i = 0; i < registries.Count; i++)
            {
                Claim(registries[i].InstanceId, registries[i].AccountId, $"$.registries[{i}].accountId");
            }

            return owners.ToImmutable();
        }

        /// <summary>The data centers, policy and OSS VIP ranges of a policy file, references unchecked.</summary>
        public PolicySettings BuildPolicySettings()
        {
            var dataCenters = BuildDataCenters();
            return new PolicySettings(dataCenters, BuildPolicy(), BuildOssVipRanges()) { Members = BuildMembers() };
        }

        private ImmutableArray<PrivateZone> BuildPrivateZones()
        {
            var list = document.PrivateZones ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<PrivateZone>(list.Count);
            for (var z = 0; z < list.Count; z++)
            {
                var zone = list[z];
                var path = $"$.privateZones[{z}]";
                Require(zone.Id, $"{path}.id");
                if (!seen.Add(zone.Id))
                {
                    throw Error($"{path}.id", $"duplicate zone id '{zone.Id}'");
                }

                Require(zone.Name, $"{path}.name");
                var records = ImmutableArray.CreateBuilder<ZoneRecord>();
                var recordList = zone.Records ?? [];
                for (var r = 0; r < recordList.Count; r++)
                {
                    var record = recordList[r];
                    var rPath = $"{path}.records[{r}]";
                    Require(record.Rr, $"{rPath}.rr");
                    Require(record.Value, $"{rPath}.value");
                    if (record.Type is not ("A" or "AAAA" or "CNAME" or "TXT" or "MX" or "PTR" or "SRV"))
                    {
                        throw Error($"{rPath}.type", $"'{record.Type}' is not a record type (A | AAAA | CNAME | TXT | MX | PTR | SRV)");
                    }

                    records.Add(new ZoneRecord(record.Rr, record.Type, record.Value, record.Ttl ?? 60) { Remark = record.Remark });
                }

                var bindings = ImmutableArray.CreateBuilder<ZoneBinding>();
                var bindingList = zone.Vpcs ?? [];
                for (var b = 0; b < bindingList.Count; b++)
                {
                    var vpc = _vpcsById.GetValueOrDefault(bindingList[b].VpcId)
                        ?? throw Error($"{path}.vpcs[{b}].vpcId", $"VPC '{bindingList[b].VpcId}' is not in the scenario's vpcs");
                    bindings.Add(new ZoneBinding(vpc.Id, bindingList[b].RegionId ?? vpc.Region));
                }

                result.Add(new PrivateZone(zone.Id, zone.Name, records.ToImmutable(), bindings.ToImmutable()) { Remark = zone.Remark });
            }

            return result.MoveToImmutable();
        }

        private InvalidInputException Error(string path, string reason) => new(file, path, reason);

        private void Require(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Error(path, "must not be empty");
            }
        }

        /// <summary>A map's value: the serializer checks nullability of properties, not of a map's values.</summary>
        private void RequireValue(object? value, string path)
        {
            if (value is null)
            {
                throw Error(path, "must not be null");
            }
        }

        private static string Key(string key) => $"[{Identifiers.CloudIds.Quote(key)}]";

        private IPNetwork ParseCidr(string? text, string path) =>
            Cidr.TryParseCanonical(text, out var network, out var problem) ? network : throw Error(path, problem);

        private IPAddress ParseAddress(string? text, string path) =>
            Cidr.TryParseCanonicalAddress(text, out var address, out var problem) ? address : throw Error(path, problem);

        private ImmutableArray<IPNetwork> ParseCidrs(List<string>? texts, string path, bool requireOne)
        {
            if (texts is null || texts.Count == 0)
            {
                return requireOne ? throw Error(path, "must list at least one CIDR block") : [];
            }

            var builder = ImmutableArray.CreateBuilder<IPNetwork>(texts.Count);
            var seen = new HashSet<IPNetwork>(texts.Count);
            for (var i = 0; i < texts.Count; i++)
            {
                var network = ParseCidr(texts[i], $"{path}[{i}]");
                if (!seen.Add(network))
                {
                    throw Error($"{path}[{i}]", $"{texts[i]} is listed twice");
                }

                builder.Add(network);
            }

            return builder.MoveToImmutable();
        }

        private void ClaimRouteTableId(string id, string path)
        {
            Require(id, path);
            if (!_routeTableIds.Add(id))
            {
                throw Error(path, $"duplicate route table id '{id}'");
            }
        }

        private ImmutableArray<Vpc> BuildVpcs()
        {
            var vpcs = document.Vpcs ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var vswitchIds = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<Vpc>(vpcs.Count);
            for (var v = 0; v < vpcs.Count; v++)
            {
                var path = $"$.vpcs[{v}]";
                var vpc = vpcs[v];
                Require(vpc.Id, $"{path}.id");
                if (!seen.Add(vpc.Id))
                {
                    throw Error($"{path}.id", $"duplicate VPC id '{vpc.Id}'");
                }

                Require(vpc.Region, $"{path}.region");
                var cidrs = ParseCidrs(vpc.Cidrs, $"{path}.cidrs", requireOne: true);

                var tables = ImmutableArray.CreateBuilder<RouteTable>();
                var tableIds = new HashSet<string>(StringComparer.Ordinal);
                var routeTables = vpc.RouteTables ?? [];
                for (var t = 0; t < routeTables.Count; t++)
                {
                    var table = BuildRouteTable(routeTables[t], $"{path}.routeTables[{t}]");
                    tables.Add(table);
                    tableIds.Add(table.Id);
                }

                var switches = ImmutableArray.CreateBuilder<VSwitch>();
                var vswitches = vpc.Vswitches ?? [];
                for (var s = 0; s < vswitches.Count; s++)
                {
                    var sw = vswitches[s];
                    var swPath = $"{path}.vswitches[{s}]";
                    Require(sw.Id, $"{swPath}.id");
                    if (!vswitchIds.Add(sw.Id))
                    {
                        throw Error($"{swPath}.id", $"duplicate vSwitch id '{sw.Id}'");
                    }

                    var cidr = ParseCidr(sw.Cidr, $"{swPath}.cidr");
                    if (!cidrs.Any(block => block.ContainsNetwork(cidr)))
                    {
                        throw Error($"{swPath}.cidr", $"{sw.Cidr} is not inside any CIDR block of {vpc.Id} ({string.Join(", ", cidrs.Select(Cidr.Format))})");
                    }

                    foreach (var other in switches)
                    {
                        if (other.Cidr.Overlaps(cidr))
                        {
                            throw Error($"{swPath}.cidr", $"{sw.Cidr} overlaps vSwitch {other.Id} ({Cidr.Format(other.Cidr)})");
                        }
                    }

                    Require(sw.RouteTableId, $"{swPath}.routeTableId");
                    if (!tableIds.Contains(sw.RouteTableId))
                    {
                        throw Error($"{swPath}.routeTableId", $"route table '{sw.RouteTableId}' is not a route table of {vpc.Id}");
                    }

                    switches.Add(new VSwitch(sw.Id, sw.Zone ?? string.Empty, cidr, sw.RouteTableId));
                }

                foreach (var (key, value) in vpc.Tags ?? [])
                {
                    RequireValue(value, $"{path}.tags{Key(key)}");
                }

                var tags = vpc.Tags is null
                    ? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
                    : vpc.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal);
                var built = new Vpc(vpc.Id, vpc.Region, cidrs, tags, switches.ToImmutable(), tables.ToImmutable());
                _vpcsById.Add(built.Id, built);
                result.Add(built);
            }

            return result.MoveToImmutable();
        }

        private RouteTable BuildRouteTable(RouteTableDocument table, string path)
        {
            ClaimRouteTableId(table.Id, $"{path}.id");
            var type = table.Type switch
            {
                null or "System" => RouteTableType.System,
                "Custom" => RouteTableType.Custom,
                _ => throw Error($"{path}.type", $"'{table.Type}' is not a route table type (System | Custom)"),
            };

            var list = table.Entries ?? [];
            var entries = ImmutableArray.CreateBuilder<RouteEntry>(list.Count);
            var destinations = new HashSet<IPNetwork>(list.Count);
            for (var e = 0; e < list.Count; e++)
            {
                var entry = list[e];
                var entryPath = $"{path}.entries[{e}]";
                var destination = ParseCidr(entry.Destination, $"{entryPath}.destination");
                if (!destinations.Add(destination))
                {
                    throw Error($"{entryPath}.destination", $"{entry.Destination} appears twice in {table.Id} (a destination is unique per route table)");
                }

                Require(entry.NextHopType, $"{entryPath}.nextHopType");
                if (entry.NextHopType != VpcNextHopTypes.Local && string.IsNullOrWhiteSpace(entry.NextHopId))
                {
                    throw Error($"{entryPath}.nextHopId", $"a route with next hop type {entry.NextHopType} needs a nextHopId");
                }

                entries.Add(new RouteEntry(destination, entry.NextHopType, entry.NextHopId, entry.Name, entry.Description));
            }

            return new RouteTable(table.Id, type, entries.MoveToImmutable());
        }

        private ImmutableArray<DataCenter> BuildDataCenters()
        {
            var list = document.DataCenters ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<DataCenter>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.dataCenters[{i}]";
                Require(list[i].Name, $"{path}.name");
                if (!seen.Add(list[i].Name))
                {
                    throw Error($"{path}.name", $"duplicate data center name '{list[i].Name}'");
                }

                _dataCenterNames.Add(list[i].Name);

                result.Add(new DataCenter(list[i].Name, ParseCidrs(list[i].Cidrs, $"{path}.cidrs", requireOne: true)));
            }

            return result.MoveToImmutable();
        }

        private ImmutableArray<TransitRouter> BuildTransitRouters()
        {
            var list = document.TransitRouters ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                Require(list[i].Id, $"$.transitRouters[{i}].id");
                if (!seen.Add(list[i].Id))
                {
                    throw Error($"$.transitRouters[{i}].id", $"duplicate transit router id '{list[i].Id}'");
                }
            }

            var result = ImmutableArray.CreateBuilder<TransitRouter>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                result.Add(BuildTransitRouter(list[i], $"$.transitRouters[{i}]", seen));
            }

            var routers = result.MoveToImmutable();
            CheckPeersAreMutual(routers);
            return routers;
        }

        private TransitRouter BuildTransitRouter(TransitRouterDocument router, string path, HashSet<string> routerIds)
        {
            Require(router.Region, $"{path}.region");
            var attachments = ImmutableArray.CreateBuilder<Attachment>();
            var attachmentIds = new HashSet<string>(StringComparer.Ordinal);
            var list = router.Attachments ?? [];
            for (var a = 0; a < list.Count; a++)
            {
                var attachment = list[a];
                var aPath = $"{path}.attachments[{a}]";
                Require(attachment.Id, $"{aPath}.id");
                if (!attachmentIds.Add(attachment.Id))
                {
                    throw Error($"{aPath}.id", $"duplicate attachment id '{attachment.Id}' on {router.Id}");
                }

                attachments.Add(BuildAttachment(attachment, aPath, router, routerIds));
            }

            var tables = ImmutableArray.CreateBuilder<TransitRouteTable>();
            var associated = new Dictionary<string, string>(StringComparer.Ordinal);
            var tableList = router.RouteTables ?? [];
            for (var t = 0; t < tableList.Count; t++)
            {
                var table = tableList[t];
                var tPath = $"{path}.routeTables[{t}]";
                ClaimRouteTableId(table.Id, $"{tPath}.id");
                var associations = table.Associations ?? [];
                for (var s = 0; s < associations.Count; s++)
                {
                    var attachmentId = associations[s];
                    if (!attachmentIds.Contains(attachmentId))
                    {
                        throw Error($"{tPath}.associations[{s}]", $"attachment '{attachmentId}' is not an attachment of {router.Id}");
                    }

                    if (!associated.TryAdd(attachmentId, table.Id))
                    {
                        throw Error($"{tPath}.associations[{s}]", $"attachment '{attachmentId}' is already associated with {associated[attachmentId]} (an attachment is associated with one route table)");
                    }
                }

                tables.Add(new TransitRouteTable(table.Id, table.Default ?? false, [.. associations], BuildTransitEntries(table, tPath, attachmentIds)));
            }

            if (tables.Count(table => table.IsDefault) > 1)
            {
                throw Error($"{path}.routeTables", $"{router.Id} has more than one default route table");
            }

            return new TransitRouter(router.Id, router.Region, router.CenId ?? string.Empty, attachments.ToImmutable(), tables.ToImmutable());
        }

        private Attachment BuildAttachment(AttachmentDocument attachment, string path, TransitRouterDocument router, HashSet<string> routerIds)
        {
            var routerId = router.Id;
            switch (attachment.Type)
            {
                case "VPC":
                    Require(attachment.VpcId, $"{path}.vpcId");
                    var attached = _vpcsById.GetValueOrDefault(attachment.VpcId!)
                        ?? throw Error($"{path}.vpcId", $"VPC '{attachment.VpcId}' is not in the scenario's vpcs");
                    if (attached.Region != router.Region)
                    {
                        throw Error($"{path}.vpcId", $"{attached.Id} is in {attached.Region}, but {routerId} is in {router.Region} (a transit router attaches VPCs of its own region)");
                    }

                    ForbidOthers(attachment, path, nameof(AttachmentDocument.VpcId));
                    return new Attachment(attachment.Id, AttachmentType.Vpc, attachment.VpcId, null, null);
                case "Peer":
                    Require(attachment.PeerTransitRouterId, $"{path}.peerTransitRouterId");
                    if (!routerIds.Contains(attachment.PeerTransitRouterId!))
                    {
                        throw Error($"{path}.peerTransitRouterId", $"transit router '{attachment.PeerTransitRouterId}' is not in the scenario's transitRouters");
                    }

                    if (attachment.PeerTransitRouterId == routerId)
                    {
                        throw Error($"{path}.peerTransitRouterId", $"{routerId} cannot peer with itself");
                    }

                    ForbidOthers(attachment, path, nameof(AttachmentDocument.PeerTransitRouterId));
                    return new Attachment(attachment.Id, AttachmentType.Peer, null, attachment.PeerTransitRouterId, null);
                case "VBR" or "VPN":
                    Require(attachment.DataCenter, $"{path}.dataCenter");
                    if (!_dataCenterNames.Contains(attachment.DataCenter!))
                    {
                        throw Error($"{path}.dataCenter", $"data center '{attachment.DataCenter}' is not in the scenario's dataCenters");
                    }

                    ForbidOthers(attachment, path, nameof(AttachmentDocument.DataCenter));
                    return new Attachment(attachment.Id, attachment.Type == "VBR" ? AttachmentType.Vbr : AttachmentType.Vpn, null, null, attachment.DataCenter);
                default:
                    throw Error($"{path}.type", $"'{attachment.Type}' is not an attachment type (VPC | Peer | VBR | VPN)");
            }
        }

        private void ForbidOthers(AttachmentDocument attachment, string path, string allowed)
        {
            (string Name, string? Value)[] fields =
            [
                (nameof(AttachmentDocument.VpcId), attachment.VpcId),
                (nameof(AttachmentDocument.PeerTransitRouterId), attachment.PeerTransitRouterId),
                (nameof(AttachmentDocument.DataCenter), attachment.DataCenter),
            ];
            foreach (var (name, value) in fields)
            {
                if (name != allowed && value is not null)
                {
                    var field = char.ToLowerInvariant(name[0]) + name[1..];
                    throw Error($"{path}.{field}", $"a {attachment.Type} attachment has no {field}");
                }
            }
        }

        private ImmutableArray<TransitRouteEntry> BuildTransitEntries(TransitRouteTableDocument table, string path, HashSet<string> attachmentIds)
        {
            var list = table.Entries ?? [];
            var entries = ImmutableArray.CreateBuilder<TransitRouteEntry>(list.Count);
            var destinations = new HashSet<IPNetwork>(list.Count);
            for (var e = 0; e < list.Count; e++)
            {
                var entry = list[e];
                var ePath = $"{path}.entries[{e}]";
                var destination = ParseCidr(entry.Destination, $"{ePath}.destination");
                if (!destinations.Add(destination))
                {
                    throw Error($"{ePath}.destination", $"{entry.Destination} appears twice in {table.Id} (a destination is unique per route table)");
                }

                var origin = entry.Origin switch
                {
                    null or "Static" => RouteOrigin.Static,
                    "Propagated" => RouteOrigin.Propagated,
                    _ => throw Error($"{ePath}.origin", $"'{entry.Origin}' is not a route origin (Static | Propagated)"),
                };
                switch (entry.NextHopType)
                {
                    case "Attachment":
                        Require(entry.NextHopId, $"{ePath}.nextHopId");
                        if (!attachmentIds.Contains(entry.NextHopId!))
                        {
                            throw Error($"{ePath}.nextHopId", $"attachment '{entry.NextHopId}' is not an attachment of this transit router");
                        }

                        entries.Add(new TransitRouteEntry(destination, TransitNextHopType.Attachment, entry.NextHopId, origin, entry.Name, entry.Description));
                        break;
                    case "BlackHole":
                        if (entry.NextHopId is not null)
                        {
                            throw Error($"{ePath}.nextHopId", "a BlackHole route has no next hop id");
                        }

                        entries.Add(new TransitRouteEntry(destination, TransitNextHopType.BlackHole, null, origin, entry.Name, entry.Description));
                        break;
                    default:
                        throw Error($"{ePath}.nextHopType", $"'{entry.NextHopType}' is not a transit-router next hop type (Attachment | BlackHole)");
                }
            }

            return entries.MoveToImmutable();
        }

        private void CheckPeersAreMutual(ImmutableArray<TransitRouter> routers)
        {
            var byId = routers.ToDictionary(r => r.Id, StringComparer.Ordinal);
            for (var i = 0; i < routers.Length; i++)
            {
                var router = routers[i];
                for (var a = 0; a < router.Attachments.Length; a++)
                {
                    var attachment = router.Attachments[a];
                    if (attachment.Type != AttachmentType.Peer)
                    {
                        continue;
                    }

                    var peer = byId[attachment.PeerTransitRouterId!];
                    var back = peer.FindAttachment(attachment.Id);
                    if (back is null || back.Type != AttachmentType.Peer || back.PeerTransitRouterId != router.Id)
                    {
                        throw Error($"$.transitRouters[{i}].attachments[{a}]", $"peer attachment '{attachment.Id}' names {peer.Id}, which must list the same attachment id as a Peer attachment back to {router.Id}");
                    }
                }
            }
        }

        private void CheckVpcAttachmentHops(ImmutableArray<Vpc> vpcs, ImmutableArray<TransitRouter> routers)
        {
            var attachmentIds = routers.SelectMany(r => r.Attachments).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var list = document.Vpcs ?? [];
            for (var v = 0; v < vpcs.Length; v++)
            {
                var tables = list[v].RouteTables ?? [];
                for (var t = 0; t < tables.Count; t++)
                {
                    var entries = tables[t].Entries ?? [];
                    for (var e = 0; e < entries.Count; e++)
                    {
                        if (entries[e].NextHopType == VpcNextHopTypes.Attachment && !attachmentIds.Contains(entries[e].NextHopId!))
                        {
                            throw Error($"$.vpcs[{v}].routeTables[{t}].entries[{e}].nextHopId", $"attachment '{entries[e].NextHopId}' is not an attachment of any transit router in the scenario");
                        }
                    }
                }
            }
        }

        private ImmutableArray<Registry> BuildRegistries()
        {
            var list = document.Registries ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<Registry>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var registry = list[i];
                var path = $"$.registries[{i}]";
                Require(registry.InstanceId, $"{path}.instanceId");
                if (!seen.Add(registry.InstanceId))
                {
                    throw Error($"{path}.instanceId", $"duplicate registry instance id '{registry.InstanceId}'");
                }

                Require(registry.InstanceName, $"{path}.instanceName");
                Require(registry.Region, $"{path}.region");
                var endpoints = ImmutableArray.CreateBuilder<VpcEndpoint>();
                var linkedVpcs = new HashSet<string>(StringComparer.Ordinal);
                var endpointList = registry.VpcEndpoints ?? [];
                for (var e = 0; e < endpointList.Count; e++)
                {
                    var endpoint = endpointList[e];
                    var ePath = $"{path}.vpcEndpoints[{e}]";
                    var vpc = _vpcsById.GetValueOrDefault(endpoint.VpcId)
                        ?? throw Error($"{ePath}.vpcId", $"VPC '{endpoint.VpcId}' is not in the scenario's vpcs");
                    if (vpc.Region != registry.Region)
                    {
                        throw Error($"{ePath}.vpcId", $"{vpc.Id} is in {vpc.Region}, but {registry.InstanceId} is in {registry.Region} (an instance links VPCs of its own region)");
                    }

                    var vswitch = vpc.VSwitches.FirstOrDefault(s => s.Id == endpoint.VswitchId)
                        ?? throw Error($"{ePath}.vswitchId", $"vSwitch '{endpoint.VswitchId}' is not a vSwitch of {vpc.Id}");
                    var ip = ParseAddress(endpoint.Ip, $"{ePath}.ip");
                    if (!vswitch.Cidr.Contains(ip))
                    {
                        throw Error($"{ePath}.ip", $"{endpoint.Ip} is not inside {vswitch.Id} ({Cidr.Format(vswitch.Cidr)})");
                    }

                    if (!linkedVpcs.Add(endpoint.VpcId))
                    {
                        throw Error($"{ePath}.vpcId", $"{registry.InstanceId} is linked to {endpoint.VpcId} twice");
                    }

                    endpoints.Add(new VpcEndpoint(endpoint.VpcId, endpoint.VswitchId, ip));
                }

                var privateLink = registry.OssPrivateLinkIp is null ? null : ParseAddress(registry.OssPrivateLinkIp, $"{path}.ossPrivateLinkIp");
                if (registry.OssBucket is { } bucket && !IsBucketName(bucket))
                {
                    throw Error($"{path}.ossBucket", $"'{bucket}' is not an OSS bucket name (3-63 characters: lowercase letters, digits, hyphens)");
                }

                _registryIds.Add(registry.InstanceId);
                result.Add(new Registry(registry.InstanceId, registry.InstanceName, registry.Region, endpoints.ToImmutable(), registry.AuthDomainTakeover ?? false, registry.OssBucket, privateLink));
            }

            return result.MoveToImmutable();
        }

        private static bool IsBucketName(string name) =>
            name.Length is >= 3 and <= 63
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && name[0] != '-' && name[^1] != '-';

        private RegionalEndpoints BuildRegionalEndpoints()
        {
            if (document.RegionalEndpoints is null)
            {
                return RegionalEndpoints.Empty;
            }

            var regions = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, IPAddress>>(StringComparer.Ordinal);
            foreach (var (region, names) in document.RegionalEndpoints)
            {
                RequireValue(names, $"$.regionalEndpoints{Key(region)}");
                var addresses = ImmutableSortedDictionary.CreateBuilder<string, IPAddress>(StringComparer.Ordinal);
                foreach (var (name, value) in names)
                {
                    var path = $"$.regionalEndpoints{Key(region)}{Key(name)}";
                    RequireValue(value, path);
                    var address = ParseAddress(value, path);
                    addresses[name.ToLowerInvariant()] = address;
                }

                regions[region] = addresses.ToImmutable();
            }

            return new RegionalEndpoints(regions.ToImmutable());
        }

        private ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>> BuildOssVipRanges()
        {
            var result = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<IPNetwork>>(StringComparer.Ordinal);
            foreach (var (region, ranges) in document.OssVipRanges ?? [])
            {
                RequireValue(ranges, $"$.ossVipRanges{Key(region)}");
                result[region] = ParseCidrs(ranges, $"$.ossVipRanges{Key(region)}", requireOne: true);
            }

            return result.ToImmutable();
        }

        private ReachPolicy BuildPolicy()
        {
            var policy = document.Policy;
            if (policy is null)
            {
                return ReachPolicy.Default;
            }

            var rules = ImmutableArray.CreateBuilder<ReachRule>();
            var seenRules = new HashSet<ReachRule>();
            var list = policy.Reach ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list[i];
                var path = $"$.policy.reach[{i}]";
                ReachSource source;
                if (rule.From.VpcId is not null && rule.From.DataCenter is not null)
                {
                    throw Error($"{path}.from", "names both a vpcId and a dataCenter; a rule has one source");
                }
                else if (rule.From.VpcId is { } vpcId)
                {
                    if (checkReferences && !_vpcsById.ContainsKey(vpcId))
                    {
                        throw Error($"{path}.from.vpcId", $"VPC '{vpcId}' is not in the scenario's vpcs");
                    }

                    source = ReachSource.ForVpc(vpcId);
                }
                else if (rule.From.DataCenter is { } name)
                {
                    if (checkReferences && !_dataCenterNames.Contains(name))
                    {
                        throw Error($"{path}.from.dataCenter", $"data center '{name}' is not in the scenario's dataCenters");
                    }

                    source = ReachSource.ForDataCenter(name);
                }
                else
                {
                    throw Error($"{path}.from", "names neither a vpcId nor a dataCenter");
                }

                Require(rule.Registry, $"{path}.registry");
                if (checkReferences && !_registryIds.Contains(rule.Registry))
                {
                    throw Error($"{path}.registry", $"registry '{rule.Registry}' is not in the scenario's registries");
                }

                var reach = new ReachRule(source, rule.Registry);
                if (seenRules.Add(reach))
                {
                    rules.Add(reach);
                }
            }

            var transitScope = policy.TransitRouteScope switch
            {
                null or "Block100" => TransitRouteScope.Block100,
                "HostRoutes" => TransitRouteScope.HostRoutes,
                _ => throw Error("$.policy.transitRouteScope", $"'{policy.TransitRouteScope}' is not a transit route scope (Block100 | HostRoutes)"),
            };
            var ossScope = policy.OssRouteScope switch
            {
                null or "Address" => OssRouteScope.Address,
                "PublishedRanges" => OssRouteScope.PublishedRanges,
                _ => throw Error("$.policy.ossRouteScope", $"'{policy.OssRouteScope}' is not an OSS route scope (Address | PublishedRanges)"),
            };
            return new ReachPolicy(rules.ToImmutable(), transitScope, ossScope);
        }
    }
}
