using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AcrReach.LocalCloud.Tests.Support;

/// <summary>
/// A function host on loopback: records each request and answers with the next scripted x-fc-status (200 when none),
/// after holding it for <see cref="Hold"/> (an invocation that takes time), counting how many it holds at once.
/// </summary>
public sealed class FunctionStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _running;
    private int _maxRunning;

    public FunctionStub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<string> Answers { get; } = new();

    /// <summary>Requests whose body this says fails are answered x-fc-status 404 when nothing is scripted.</summary>
    public Func<string, bool>? Fails { get; set; }

    /// <summary>How long each request is held before it is answered.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.Zero;

    /// <summary>The most requests held at the same time so far.</summary>
    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public ConcurrentQueue<Request> ReceivedQueue { get; } = new();

    public IReadOnlyList<Request> Received => [.. ReceivedQueue];

    public async Task<Request> NextAsync()
    {
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), "nothing reached the function host");
        return Received[^1];
    }

    public void Dispose()
    {
        _listener.Close();
        _arrived.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var running = Interlocked.Increment(ref _running);
        for (var seen = MaxRunning; running > seen && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen; seen = MaxRunning)
        {
        }

        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            ReceivedQueue.Enqueue(new Request(context.Request.Url!.AbsolutePath, body.ToArray(), headers));
            var status = Answers.TryDequeue(out var scripted) ? scripted
                : Fails?.Invoke(Encoding.UTF8.GetString(body.ToArray())) == true ? "404" : "200";
            if (Hold > TimeSpan.Zero)
            {
                await Task.Delay(Hold);
            }

            context.Response.StatusCode = 200;
            context.Response.Headers["x-fc-status"] = status;
            var answer = Encoding.UTF8.GetBytes($"answer of {context.Request.Url.AbsolutePath}");
            Interlocked.Decrement(ref _running);
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
            _arrived.Release();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    public sealed record Request(string Path, byte[] Body, Dictionary<string, string> Headers);
}
