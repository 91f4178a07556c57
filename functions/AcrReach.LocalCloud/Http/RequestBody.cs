using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AcrReach.LocalCloud.Http;

internal static class RequestBody
{
    /// <summary>The whole body: signatures cover its exact bytes (x-acs-content-sha256, MNS Content-MD5).</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
