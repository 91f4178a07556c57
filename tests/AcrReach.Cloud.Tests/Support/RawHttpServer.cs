using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AcrReach.Cloud.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server of a few lines: records each request's head and answers every one with the same status,
/// headers and body (the body written in chunks, so a huge one costs the test no memory). Independent of the client.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _head;
    private readonly long _bodyLength;
    private readonly byte _bodyByte;

    public RawHttpServer(int status, IEnumerable<(string Name, string Value)>? headers = null, string body = "", long bodyLength = -1)
    {
        _listener.Start();
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        _bodyLength = bodyLength >= 0 ? bodyLength : bodyBytes.Length;
        _bodyByte = (byte)'x';
        Body = bodyBytes;
        var head = new StringBuilder($"HTTP/1.1 {status} Status\r\nContent-Length: {_bodyLength}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        _head = head.Append("\r\n").ToString();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The head (request line and headers) of every request received.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many bytes of the body were written before the client stopped reading.</summary>
    public long BodyBytesWritten => Interlocked.Read(ref _written);

    private byte[] Body { get; }

    private long _written;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                Requests.Enqueue(head);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(_head), _stop.Token);
                if (Body.Length == _bodyLength)
                {
                    await stream.WriteAsync(Body, _stop.Token);
                    Interlocked.Add(ref _written, Body.Length);
                    return;
                }

                var chunk = new byte[64 * 1024];
                Array.Fill(chunk, _bodyByte);
                for (long sent = 0; sent < _bodyLength; sent += chunk.Length)
                {
                    var size = (int)Math.Min(chunk.Length, _bodyLength - sent);
                    await stream.WriteAsync(chunk.AsMemory(0, size), _stop.Token);
                    Interlocked.Add(ref _written, size);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up: what it read is what the test looks at.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer) == 1)
        {
            bytes.Add(buffer[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
