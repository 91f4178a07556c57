using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AcrReach.LocalCloud.Http;

internal static class RequestBody
{
    /// <summary>
    /// Bodies above this are refused before they are buffered: no call AcrReach makes comes near it (an MNS message is
    /// at most 64 KB), and Kestrel's own limit (about 28 MB) would surface as an unhandled exception, a 500.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The whole body: signatures cover its exact bytes (x-acs-content-sha256, MNS Content-MD5).</summary>
    /// <exception cref="ApiError">The body is over <see cref="MaxBytes"/>: 413, answered in the caller's error shape.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return [];
        }

        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        // A chunked body has no length up front: count while reading, and stop one byte past the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiError TooLarge() =>
        new("RequestEntityTooLarge", $"The request body is larger than the {MaxBytes / 1024 / 1024} MB this endpoint accepts.", 413);
}
