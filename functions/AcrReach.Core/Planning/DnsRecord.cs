using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Planning;

/// <summary>
/// A name the source must resolve to an address; <see cref="Scope"/> is the VPC id or data-center name it is for.
/// A name starting with "*." is a wildcard (a PrivateZone record can be one; a hosts file cannot).
/// </summary>
public sealed record DnsRecord(
    string Name,
    [property: JsonConverter(typeof(AddressJsonConverter))] IPAddress Ip,
    string Scope)
{
    [JsonIgnore]
    public bool IsWildcard => Name.StartsWith("*.", StringComparison.Ordinal);
}
