using System.Globalization;
using System.Text;

namespace AcrReach.LocalCloud.Http;

/// <summary>The paging styles the APIs use (cloud-apis.md): page number and size, or an opaque next token.</summary>
internal static class Paging
{
    public sealed record NumberedPage<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
    {
        public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
    }

    public sealed record TokenPage<T>(IReadOnlyList<T> Items, int MaxResults, string? NextToken, int TotalCount);

    /// <summary>PageNumber/PageSize (VPC, CBN ListTransitRouters, PrivateZone) or PageNo/PageSize (CR).</summary>
    public static NumberedPage<T> ByNumber<T>(ApiRequest request, IReadOnlyList<T> all, int defaultSize, int maxSize, string numberName = "PageNumber")
    {
        var number = request.Int(numberName, 1, 1, int.MaxValue);
        var size = request.Int("PageSize", defaultSize, 1, maxSize);
        var skip = (long)(number - 1) * size;
        var items = skip >= all.Count ? [] : all.Skip((int)skip).Take(size).ToList();
        return new NumberedPage<T>(items, number, size, all.Count);
    }

    /// <summary>NextToken with MaxResults (CBN) or MaxResult (VPC DescribeRouteEntryList, singular).</summary>
    public static TokenPage<T> ByToken<T>(ApiRequest request, IReadOnlyList<T> all, int defaultMax, int maxMax, string maxName = "MaxResults")
    {
        var max = request.Int(maxName, defaultMax, 1, maxMax);
        var offset = request.Optional("NextToken") is { } token ? DecodeToken(token) : 0;
        var items = offset >= all.Count ? [] : all.Skip(offset).Take(max).ToList();
        var next = offset + items.Count < all.Count ? EncodeToken(offset + items.Count) : null;
        return new TokenPage<T>(items, max, next, all.Count);
    }

    private static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeToken(string token)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiError.Invalid("NextToken", "It is not a token this API returned.");
    }
}
