using System.Text.Json;
using System.Text.RegularExpressions;
using AcrReach.LocalCloud.Services;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Traffic;
using AcrReach.LocalCloud.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace AcrReach.LocalCloud.Http;

/// <summary>
/// <c>/</c>: every OpenAPI product on one port, dispatched by product version and action (the x-acs-version and
/// x-acs-action headers for ACS3, the Version and Action parameters for RPC). Order of checks: the call is counted,
/// delayed, authenticated, matched to an API, admitted by the traffic shaper, then served under the state lock.
/// Anything unexpected is answered InternalError without a stack trace.
/// </summary>
internal sealed partial class OpenApiEndpoint
{
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
    private readonly CloudState _state;
    private readonly OpenApiAuthenticator _authenticator;
    private readonly TrafficShaper _shaper;
    private readonly CallCounter _calls;
    private readonly ILogger _logger;

    public OpenApiEndpoint(CloudState state, AccessKeys keys, OpenApiAuthenticator authenticator, TrafficShaper shaper, CallCounter calls, ILogger logger)
    {
        _state = state;
        _authenticator = authenticator;
        _shaper = shaper;
        _calls = calls;
        _logger = logger;
        AddProduct("2016-04-28", "vpc.aliyuncs.com", actions =>
        {
            new VpcService(state).Register(actions);
            new VpcTagService(state).Register(actions);
        });
        AddProduct("2017-09-12", "cbn.aliyuncs.com", new CbnService(state).Register);
        AddProduct("2018-12-01", "cr.aliyuncs.com", new CrService(state).Register);
        AddProduct("2018-01-01", "pvtz.aliyuncs.com", new PvtzService(state).Register);
        AddProduct("2015-04-01", "sts.aliyuncs.com", new StsService(keys).Register);
    }

    private sealed record Product(string Host, Dictionary<string, Func<ApiRequest, string, object>> Actions);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        context.Response.Headers["x-acs-request-id"] = requestId;
        var hostId = context.Request.Host.Value ?? "localhost";
        try
        {
            var body = await RequestBody.ReadAsync(context.Request);
            var call = Incoming(context.Request, body);
            var style = OpenApiAuthenticator.StyleOf(call);
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in call.Query.Concat(call.Form))
            {
                parameters[key] = value;
            }

            var action = (style == SignatureStyle.Acs3 ? call.Headers.GetValueOrDefault("x-acs-action") : parameters.GetValueOrDefault("Action")) ?? string.Empty;
            var version = (style == SignatureStyle.Acs3 ? call.Headers.GetValueOrDefault("x-acs-version") : parameters.GetValueOrDefault("Version")) ?? string.Empty;
            _calls.Count(action.Length == 0 ? "(none)" : action);
            if (_shaper.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_shaper.Latency, _state.Time, context.RequestAborted);
            }

            var caller = _authenticator.Authenticate(call);
            if (action.Length == 0)
            {
                throw ApiError.Missing("Action");
            }

            if (!_products.TryGetValue(version, out var product))
            {
                throw version.Length == 0 ? ApiError.Missing("Version") : new ApiError("InvalidVersion", "Specified parameter Version is not valid.");
            }

            hostId = product.Host;
            if (!product.Actions.TryGetValue(action, out var handler))
            {
                throw new ApiError("InvalidAction.NotFound", "Specified api is not found, please check your url and method.", 404);
            }

            _shaper.Admit(action);
            var request = new ApiRequest(action, parameters, HostRegion(call.Headers.GetValueOrDefault("host"))) { Caller = caller };
            object response;
            lock (_state.Gate)
            {
                _state.Advance();
                var owner = TargetsOwnResource(action) ? _state.TargetOwner(request) : null;
                if (owner is not null && owner != caller.AccountId)
                {
                    // Each account's API acts only on that account's resources. The code is the one the brief for
                    // issue 13 names for a RAM-denied call (UNCONFIRMED which code VPC/CBN/CR answer cross-account).
                    throw new ApiError("Forbidden.NoPermission", $"You are not authorized to operate on this resource: it belongs to account {owner}, the call was signed by account {caller.AccountId}.", 403);
                }

                response = handler(request, requestId);
                if (IsWrite(action))
                {
                    _state.Writes.Add(new WriteRecord(action, caller.AccountId, caller.AccessKeyId, caller.RoleArn, Target(request), owner, requestId));
                }
            }

            await WriteJsonAsync(context, 200, response);
        }
        catch (ApiError error)
        {
            if (error.RetryAfterMilliseconds is { } retryAfter)
            {
                context.Response.Headers["x-acs-retry-after"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteJsonAsync(context, error.HttpStatus, new ErrorBody(requestId, hostId, error.Code, error.Message, string.Empty));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnexpected(_logger, e, requestId);
            await WriteJsonAsync(context, 500, new ErrorBody(requestId, hostId, "InternalError", "The request processing has failed due to some unknown error, exception or failure.", string.Empty));
        }
    }

    /// <summary>A list whose parameter only filters answers an empty list for another account's id, not an error.</summary>
    private static bool TargetsOwnResource(string action) =>
        action is not ("ListTransitRouters" or "DescribeVpcs" or "DescribeVSwitches" or "DescribeRouteTableList" or "AssumeRole");

    private static bool IsWrite(string action) =>
        action.StartsWith("Create", StringComparison.Ordinal) || action.StartsWith("Delete", StringComparison.Ordinal)
        || action.StartsWith("Add", StringComparison.Ordinal) || action.StartsWith("Bind", StringComparison.Ordinal)
        || action.StartsWith("Update", StringComparison.Ordinal) || action.StartsWith("Modify", StringComparison.Ordinal)
        || action.StartsWith("Remove", StringComparison.Ordinal);

    private static string? Target(ApiRequest request) =>
        request.Optional("RouteTableId") ?? request.Optional("RouteEntries.1.RouteTableId") ?? request.Optional("TransitRouterRouteTableId") ?? request.Optional("InstanceId")
        ?? request.Optional("ZoneId") ?? request.Optional("RouteEntryId") ?? request.Optional("TransitRouterRouteEntryId");

    private void AddProduct(string version, string host, Action<IDictionary<string, Func<ApiRequest, string, object>>> register)
    {
        var actions = new Dictionary<string, Func<ApiRequest, string, object>>(StringComparer.Ordinal);
        register(actions);
        _products[version] = new Product(host, actions);
    }

    internal static IncomingCall Incoming(HttpRequest request, byte[] body)
    {
        var query = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))).ToList();
        var form = new List<KeyValuePair<string, string>>();
        if (body.Length > 0 && request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            form.AddRange(QueryHelpers.ParseQuery(text.StartsWith('?') ? text : "?" + text)
                .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty))));
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            headers[header.Key.ToLowerInvariant()] = string.Join(',', header.Value.Select(v => v?.Trim()));
        }

        return new IncomingCall(request.Method, query, form, headers, body);
    }

    private static string? HostRegion(string? host) =>
        host is not null && RegionalHost().Match(host) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^[a-z]+(?:-vpc)?\.([a-z]+-[a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$")]
    private static partial Regex RegionalHost();


    internal static Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), WireJsonContext.Default);
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving request {RequestId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId);
}
