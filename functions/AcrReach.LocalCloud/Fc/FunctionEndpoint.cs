using System.Text.Json;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Traffic;
using AcrReach.LocalCloud.Wire;
using Microsoft.AspNetCore.Http;

namespace AcrReach.LocalCloud.Fc;

/// <summary>
/// Function Compute 3.0's ROA API, as npm <c>@alicloud/fc20230330</c> 4.7 sends it, ACS3-authenticated with the path as
/// the canonical URI: <c>InvokeFunction</c> (<c>POST /2023-03-30/functions/{functionName}/invocations</c>),
/// <c>PutConcurrencyConfig</c> and <c>GetConcurrencyConfig</c> (<c>PUT</c> / <c>GET
/// /2023-03-30/functions/{functionName}/concurrency</c>, a JSON body). Each call is counted, delayed, authenticated,
/// admitted by the traffic shaper, then handed to <see cref="LocalFunctions"/>. <c>x-fc-invocation-type: Async</c>
/// answers 202 with <c>x-fc-request-id</c> at once; otherwise the function's answer is relayed.
/// </summary>
internal sealed class FunctionEndpoint(LocalFunctions functions, OpenApiAuthenticator authenticator, TrafficShaper shaper, CallCounter calls, CloudState state, string accountId, string region)
{
    public const string Action = "InvokeFunction";
    public const string PutConcurrencyAction = "PutConcurrencyConfig";
    public const string GetConcurrencyAction = "GetConcurrencyConfig";
    private const string Prefix = "/2023-03-30/functions";

    public static bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["x-fc-request-id"] = requestId;
        context.Response.Headers["x-acs-request-id"] = requestId;
        try
        {
            var body = await RequestBody.ReadAsync(context.Request);
            var rawPath = context.Request.Path.ToUriComponent();
            var segments = rawPath[Prefix.Length..].Trim('/').Split('/');
            var method = context.Request.Method;
            var action = (method, segments) switch
            {
                ("POST", [_, "invocations"]) => Action,
                ("PUT", [_, "concurrency"]) => PutConcurrencyAction,
                ("GET", [_, "concurrency"]) => GetConcurrencyAction,
                _ => null,
            };
            calls.Count(action ?? "(none)");
            if (shaper.Latency > TimeSpan.Zero)
            {
                await Task.Delay(shaper.Latency, state.Time, context.RequestAborted);
            }

            var call = OpenApiEndpoint.Incoming(context.Request, body) with { CanonicalUri = rawPath };
            authenticator.Authenticate(call);
            if (action is null)
            {
                throw new ApiError("PathNotSupported", $"{method} {rawPath} is not served: only POST {Prefix}/{{functionName}}/invocations and PUT or GET {Prefix}/{{functionName}}/concurrency", 404);
            }

            var name = Uri.UnescapeDataString(segments[0]);
            shaper.Admit(action);
            var function = functions.Find(name)
                ?? throw new ApiError("FunctionNotFound", $"function '{name}' does not exist", 404);
            switch (action)
            {
                case PutConcurrencyAction:
                    functions.SetReservedConcurrency(function.Name, ReservedConcurrency(body));
                    await WriteConcurrencyAsync(context, function.Name);
                    return;
                case GetConcurrencyAction:
                    await WriteConcurrencyAsync(context, function.Name);
                    return;
            }

            var type = call.Headers.GetValueOrDefault("x-fc-invocation-type") ?? "Sync";
            if (string.Equals(type, "Async", StringComparison.OrdinalIgnoreCase))
            {
                functions.StartAsync(function, requestId, body);
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            var (status, answer, functionStatus) = await functions.InvokeAsync(function, requestId, body, context.RequestAborted);
            context.Response.StatusCode = status is >= 200 and < 300 ? 200 : status;
            if (functionStatus is not null && functionStatus != "200")
            {
                context.Response.Headers["x-fc-error-type"] = "UnhandledInvocationError";
            }

            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        }
        catch (ApiError error)
        {
            if (error.RetryAfterMilliseconds is { } retryAfter)
            {
                context.Response.Headers["x-acs-retry-after"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await OpenApiEndpoint.WriteJsonAsync(context, error.HttpStatus, new ErrorBody(requestId, context.Request.Host.Value ?? "localhost", error.Code, error.Message, string.Empty));
        }
    }

    /// <summary>PutConcurrencyInput: <c>reservedConcurrency</c>, a whole number of at least 0 (0 lets nothing run).</summary>
    private static int ReservedConcurrency(byte[] body)
    {
        PutConcurrencyInput? input;
        try
        {
            input = body.Length == 0 ? null : JsonSerializer.Deserialize(body, WireJsonContext.Default.PutConcurrencyInput);
        }
        catch (JsonException e)
        {
            throw new ApiError("InvalidArgument", $"the body is not a PutConcurrencyInput: {e.Message}");
        }

        return input?.ReservedConcurrency switch
        {
            null => throw new ApiError("InvalidArgument", "reservedConcurrency is required"),
            < 0 or > int.MaxValue => throw new ApiError("InvalidArgument", $"reservedConcurrency {input.ReservedConcurrency} is not a count of instances"),
            { } reserved => (int)reserved,
        };
    }

    /// <summary>
    /// The function's ConcurrencyConfig. A function without one answers 404 <c>OnDemandConfigNotFound</c>: the code the
    /// Terraform provider takes for "not set" (aliyun/terraform-provider-alicloud, alicloud/service_alicloud_fcv3_v2.go,
    /// DescribeFcv3ConcurrencyConfig).
    /// </summary>
    private async Task WriteConcurrencyAsync(HttpContext context, string name)
    {
        var reserved = functions.ReservedConcurrency(name)
            ?? throw new ApiError("OnDemandConfigNotFound", $"function '{name}' has no concurrency configuration", 404);
        await OpenApiEndpoint.WriteJsonAsync(context, 200, new ConcurrencyConfig($"acs:fc:{region}:{accountId}:functions/{name}", reserved));
    }
}
