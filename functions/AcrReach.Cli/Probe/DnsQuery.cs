using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AcrReach.Cli.Probe;

/// <summary>
/// One A query over UDP to a chosen resolver (RFC 1035 §4): the probe asks the resolver the data center will use, not
/// this machine's. Answers are read with name compression; CNAME records are skipped, their A records kept.
/// </summary>
internal static class DnsQuery
{
    public static async Task<(IReadOnlyList<IPAddress> Addresses, string? Problem)> ResolveAsync(IPEndPoint resolver, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = (ushort)Random.Shared.Next(ushort.MaxValue);
        var query = Build(id, name);
        using var socket = new Socket(resolver.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(resolver, deadline.Token);
            await socket.SendAsync(query, deadline.Token);
            var buffer = new byte[1500];
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, deadline.Token);
                if (length >= 12 && BinaryPrimitives.ReadUInt16BigEndian(buffer) == id)
                {
                    return Parse(buffer.AsSpan(0, length));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([], $"no answer from {resolver} in {timeout.TotalSeconds:0} s");
        }
        catch (SocketException e)
        {
            return ([], $"{resolver}: {e.SocketErrorCode}");
        }
    }

    private static byte[] Build(ushort id, string name)
    {
        var packet = new List<byte>(32 + name.Length);
        packet.AddRange([(byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            packet.Add((byte)bytes.Length);
            packet.AddRange(bytes);
        }

        packet.AddRange([0, 0, 1, 0, 1]);
        return [.. packet];
    }

    private static (IReadOnlyList<IPAddress>, string?) Parse(ReadOnlySpan<byte> message)
    {
        var rcode = message[3] & 0x0F;
        if (rcode != 0)
        {
            return ([], rcode switch { 2 => "SERVFAIL", 3 => "NXDOMAIN (no such name)", 5 => "REFUSED", _ => $"response code {rcode}" });
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var offset = 12;
        for (var i = 0; i < questions; i++)
        {
            offset = SkipName(message, offset) + 4;
        }

        var addresses = new List<IPAddress>();
        for (var i = 0; i < answers && offset < message.Length; i++)
        {
            offset = SkipName(message, offset);
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            offset += 10;
            if (type == 1 && length == 4)
            {
                addresses.Add(new IPAddress(message.Slice(offset, 4)));
            }

            offset += length;
        }

        return (addresses, addresses.Count == 0 ? "no A record" : null);
    }

    private static int SkipName(ReadOnlySpan<byte> message, int offset)
    {
        while (true)
        {
            var length = message[offset];
            if (length == 0)
            {
                return offset + 1;
            }

            if ((length & 0xC0) == 0xC0)
            {
                return offset + 2;
            }

            offset += length + 1;
        }
    }
}
