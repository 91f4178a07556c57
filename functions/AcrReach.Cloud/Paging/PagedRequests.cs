namespace AcrReach.Cloud.Paging;

/// <summary>A list request paged by NextToken (and MaxResults or MaxResult, as the API names it).</summary>
public interface ITokenPagedRequest<out TSelf>
{
    /// <summary>The same request for the page after <paramref name="nextToken"/> (null: the first page).</summary>
    TSelf ForPage(string? nextToken, int pageSize);
}

/// <summary>A page of a NextToken-paged list.</summary>
public interface ITokenPage
{
    /// <summary>Null or empty on the last page.</summary>
    string? NextToken { get; }
}

/// <summary>A list request paged by number (PageNumber, or CR's PageNo) and PageSize.</summary>
public interface INumberedPagedRequest<out TSelf>
{
    /// <summary>The same request for page <paramref name="pageNumber"/>, counted from 1.</summary>
    TSelf ForPage(int pageNumber, int pageSize);
}

/// <summary>A page of a numbered list.</summary>
public interface INumberedPage
{
    /// <summary>How many items the whole list has (TotalCount, or PrivateZone's TotalItems).</summary>
    int Total { get; }
}
