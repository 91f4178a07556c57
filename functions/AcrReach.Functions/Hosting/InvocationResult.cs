using System.Text.Json;
using AcrReach.Cloud.Credentials;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AcrReach.Functions.Hosting;

/// <summary>An answer to FC: the HTTP status, whether the invocation succeeded (<c>x-fc-status</c>) and a JSON body.</summary>
internal sealed record InvocationResult(int HttpStatus, bool Succeeded, byte[] Body)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static InvocationResult Json<T>(int httpStatus, bool succeeded, T value, JsonTypeInfo<T> typeInfo) =>
        new(httpStatus, succeeded, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A failed invocation: FC's custom-runtime contract wants 404 in both the status and <c>x-fc-status</c>.</summary>
    public static InvocationResult FunctionError(string code, string message) =>
        Json(StatusCodes.Status404NotFound, false, new ErrorBody(new ErrorDetail(code, message)), FunctionsJsonContext.Default.ErrorBody);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = HttpStatus;
        response.Headers[FcHeaders.Status] = Succeeded ? "200" : "404";
        response.ContentType = JsonContentType;
        // The one way out for every answer (events, chat, errors): no secret of the process leaves in one.
        var body = Secrets.Redact(Body);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}

public sealed record ErrorBody(ErrorDetail Error);

public sealed record ErrorDetail(string Code, string Message);
