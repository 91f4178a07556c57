using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Paging;

/// <summary>
/// Every item of a paged list, fetched page by page in order — never by jumping ahead: VPC throttles deep page
/// skipping (<c>Throttling.DeepPageSkip</c>, cloud-apis.md §1.5). One helper per paging style the APIs use.
/// </summary>
public static class Pages
{
    /// <summary>
    /// PageNumber/PageSize (VPC Describe*, ListTransitRouters, PrivateZone) and PageNo/PageSize (CR ListInstance):
    /// pages 1, 2, ... until the total count is reached or a page comes back empty.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByPageNumberAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, ImmutableArray<TItem>> items,
        Func<TPage, int> totalCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(totalCount);
        var seen = 0;
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await fetchPage(pageNumber, cancellationToken);
            var pageItems = items(page);
            foreach (var item in pageItems)
            {
                yield return item;
            }

            seen += pageItems.Length;
            if (pageItems.IsEmpty || seen >= totalCount(page))
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// NextToken paging (CBN lists with MaxResults, VPC DescribeRouteEntryList with MaxResult): the first page
    /// without a token, then each page with the token of the one before, until no token comes back.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByNextTokenAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, ImmutableArray<TItem>> items,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextToken);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        while (true)
        {
            var page = await fetchPage(token, cancellationToken);
            foreach (var item in items(page))
            {
                yield return item;
            }

            token = nextToken(page);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!used.Add(token))
            {
                throw new CloudApiException(
                    CloudApiException.InvalidResponseCode,
                    $"the service sent NextToken '{token}' a second time; stopping instead of looping",
                    requestId: null,
                    httpStatus: 200);
            }
        }
    }

    /// <summary>Every item of a numbered list: <paramref name="request"/> asked page by page with <paramref name="pageSize"/>.</summary>
    public static IAsyncEnumerable<TItem> ByPageNumberAsync<TRequest, TPage, TItem>(
        Func<TRequest, CancellationToken, Task<TPage>> list,
        TRequest request,
        int pageSize,
        Func<TPage, ImmutableArray<TItem>> items,
        CancellationToken cancellationToken = default)
        where TRequest : INumberedPagedRequest<TRequest>
        where TPage : INumberedPage
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(request);
        return ByPageNumberAsync((number, ct) => list(request.ForPage(number, pageSize), ct), items, page => page.Total, cancellationToken);
    }

    /// <summary>Every item of a NextToken-paged list: <paramref name="request"/> asked page by page with <paramref name="pageSize"/>.</summary>
    public static IAsyncEnumerable<TItem> ByNextTokenAsync<TRequest, TPage, TItem>(
        Func<TRequest, CancellationToken, Task<TPage>> list,
        TRequest request,
        int pageSize,
        Func<TPage, ImmutableArray<TItem>> items,
        CancellationToken cancellationToken = default)
        where TRequest : ITokenPagedRequest<TRequest>
        where TPage : ITokenPage
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(request);
        return ByNextTokenAsync((token, ct) => list(request.ForPage(token, pageSize), ct), items, page => page.NextToken, cancellationToken);
    }

    /// <summary>Collects a paged list into one array.</summary>
    public static async Task<ImmutableArray<T>> ToImmutableArrayAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var builder = ImmutableArray.CreateBuilder<T>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            builder.Add(item);
        }

        return builder.ToImmutable();
    }
}
