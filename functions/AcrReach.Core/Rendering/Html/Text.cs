using System.Net;

namespace AcrReach.Core.Rendering.Html;

/// <summary>Text into HTML: every name may come from the cloud, so everything printed goes through <see cref="Escape"/>.</summary>
internal static class Text
{
    /// <summary>Escapes &amp;, &lt;, &gt;, " and ' (safe in element text and in quoted attributes).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Lower<T>(T value)
        where T : notnull => value.ToString()!.ToLowerInvariant();
}
