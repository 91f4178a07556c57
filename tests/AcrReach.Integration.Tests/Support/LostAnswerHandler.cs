using System.Collections.Concurrent;
using System.Web;

namespace AcrReach.Integration.Tests.Support;

/// <summary>
/// Between the client and the local cloud: the first call of <paramref name="action"/> reaches the service and is
/// served, but its answer is lost on the way back (the connection drops), as happens on a real network. Every call of
/// the action is recorded with the ClientToken it carried.
/// </summary>
public sealed class LostAnswerHandler(string action) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _lost;

    /// <summary>The ClientToken of each call of the action, in order.</summary>
    public ConcurrentQueue<string?> ClientTokens { get; } = new();

    /// <summary>The body of the answer that never reached the client.</summary>
    public string? LostAnswer { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isAction = request.Headers.TryGetValues("x-acs-action", out var actions) && actions.Single() == action;
        if (isAction)
        {
            ClientTokens.Enqueue(HttpUtility.ParseQueryString(request.RequestUri!.Query)["ClientToken"]);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isAction && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            LostAnswer = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new HttpRequestException("The connection was reset before the answer arrived (simulated).");
        }

        return response;
    }
}
