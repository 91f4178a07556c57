using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Traffic;
using AcrReach.LocalCloud.Wire;
using Microsoft.AspNetCore.Http;

namespace AcrReach.LocalCloud.Fc;

/// <summary>
/// Function Compute 3.0's <c>InvokeFunction</c> (ROA <c>POST /2023-03-30/functions/{functionName}/invocations</c>, as
/// npm <c>@alicloud/fc20230330</c> 4.7 sends it): counted, delayed, ACS3-authenticated with the path as the canonical
/// URI, admitted by the traffic shaper, then handed to <see cref="LocalFunctions"/>. <c>x-fc-invocation-type: Async</c>
/// answers 202 with <c>x-fc-request-id</c> at once; otherwise the function's answer is relayed.
/// </summary>
internal sealed class FunctionEndpoint(LocalFunctions functions, OpenApiAuthenticator authenticator, TrafficShaper shaper, CallCounter calls, CloudState state)
{
    public const string Action = "InvokeFunction";
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
            calls.Count(Action);
            if (shaper.Latency > TimeSpan.Zero)
            {
                await Task.Delay(shaper.Latency, state.Time, context.RequestAborted);
            }

            var rawPath = context.Request.Path.ToUriComponent();
            var call = OpenApiEndpoint.Incoming(context.Request, body) with { CanonicalUri = rawPath };
            authenticator.Authenticate(call);
            var segments = rawPath[Prefix.Length..].Trim('/').Split('/');
            if (context.Request.Method != HttpMethods.Post || segments is not [var encodedName, "invocations"])
            {
                throw new ApiError("PathNotSupported", $"{context.Request.Method} {rawPath} is not served: only POST {Prefix}/{{functionName}}/invocations", 404);
            }

            var name = Uri.UnescapeDataString(encodedName);
            shaper.Admit(Action);
            var function = functions.Find(name)
                ?? throw new ApiError("FunctionNotFound", $"function '{name}' does not exist", 404);
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
}
