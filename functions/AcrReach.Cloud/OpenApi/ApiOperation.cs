using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using AcrReach.Cloud.Endpoints;

namespace AcrReach.Cloud.OpenApi;

public enum ApiAccess
{
    Read,
    Write,
}

/// <summary>
/// One cloud API action the client can call. Every typed operation is one of these, declared once as a static
/// field of its product's <c>XxxOperations</c> class; <see cref="ApiCatalog"/> is derived from those fields, so the
/// RAM policy AcrReach needs is exactly what the client can call.
/// </summary>
public class ApiOperation
{
    public ApiOperation(CloudProduct product, string action, ApiAccess access, bool sendsClientToken = false, string? createsServiceLinkedRole = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrEmpty(action);
        Product = product;
        Action = action;
        Access = access;
        SendsClientToken = sendsClientToken;
        CreatesServiceLinkedRole = createsServiceLinkedRole;
    }

    public CloudProduct Product { get; }

    /// <summary>The API name, e.g. <c>CreateRouteEntry</c>: <c>x-acs-action</c> / <c>Action</c>.</summary>
    public string Action { get; }

    public ApiAccess Access { get; }

    /// <summary>
    /// The action accepts <c>ClientToken</c>: the client sends one on every call (the caller's, or one it makes)
    /// and keeps it across retries, so a retried write is not applied twice.
    /// </summary>
    public bool SendsClientToken { get; }

    /// <summary>
    /// The service name (<c>ram:ServiceName</c>) of a service-linked role the service creates on the caller's behalf
    /// during this call, which the caller must then be allowed to create (<c>ram:CreateServiceLinkedRole</c>).
    /// </summary>
    public string? CreatesServiceLinkedRole { get; }

    /// <summary>The RAM action that authorises this call, e.g. <c>cen:ListTransitRouters</c>.</summary>
    public string RamAction => $"{Product.RamCode}:{Action}";

    public override string ToString() => RamAction;

    /// <summary>The operations declared as public static read-only fields of <paramref name="declaringType"/>.</summary>
    public static ImmutableArray<ApiOperation> DeclaredBy([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type declaringType)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        return [.. declaringType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsInitOnly && typeof(ApiOperation).IsAssignableFrom(f.FieldType))
            .Select(f => (ApiOperation)f.GetValue(null)!)];
    }
}

/// <summary>An RPC operation with its request and response models (source-generated JSON, NativeAOT-safe).</summary>
public sealed class ApiOperation<TRequest, TResponse> : ApiOperation
{
    public ApiOperation(
        CloudProduct product,
        string action,
        ApiAccess access,
        JsonTypeInfo<TRequest> request,
        JsonTypeInfo<TResponse> response,
        bool sendsClientToken = false,
        string? createsServiceLinkedRole = null)
        : base(product, action, access, sendsClientToken, createsServiceLinkedRole)
    {
        RequestType = request ?? throw new ArgumentNullException(nameof(request));
        ResponseType = response ?? throw new ArgumentNullException(nameof(response));
    }

    public JsonTypeInfo<TRequest> RequestType { get; }

    public JsonTypeInfo<TResponse> ResponseType { get; }
}
