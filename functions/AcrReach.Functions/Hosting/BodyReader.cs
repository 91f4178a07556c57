using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace AcrReach.Functions.Hosting;

/// <summary>Reads a request body up to a limit; a larger body is refused without reading the rest.</summary>
internal static class BodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
