namespace AcrReach.EndToEnd.Tests.Support;

/// <summary>Counts the client's HTTP calls and cancels a run at the Nth: before it is sent, or after its answer came.</summary>
internal sealed class CancelAfterCalls(int call, bool afterAnswer, CancellationTokenSource run) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _calls;

    public int Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _calls);
        if (number == call && !afterAnswer)
        {
            await run.CancelAsync();
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (number == call && afterAnswer)
        {
            await run.CancelAsync();
        }

        return response;
    }
}
