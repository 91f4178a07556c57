using System.Net;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Hardening;

// An error answer is read to build one exception; a hostile or broken endpoint must not make it read megabytes.
public sealed class ErrorBodyLimitTests
{
    private const long TenMegabytes = 10L * 1024 * 1024;

    private static TestCloud NoRetries() => new(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 0 } });

    [Fact]
    public async Task A_ten_megabyte_error_body_is_read_up_to_64_KB_and_the_exception_holds_no_more()
    {
        using var cloud = NoRetries();
        var body = new EndlessErrorBody(TenMegabytes);
        cloud.Handler.Then(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StreamContent(body) });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Apis.Vpc("cn-hangzhou").DescribeVpcsAsync(new()));

        Assert.Equal(400, error.HttpStatus);
        Assert.InRange(body.BytesRead, 1, ErrorResponse.MaxBodyBytes + 16 * 1024);
        Assert.InRange(error.Message.Length, 1, ErrorResponse.MaxBodyBytes);
        Assert.InRange(error.ServiceMessage.Length, 1, ErrorResponse.MaxBodyBytes);
    }

    [Fact]
    public async Task An_mns_error_body_is_capped_the_same_way()
    {
        using var cloud = NoRetries();
        var body = new EndlessErrorBody(TenMegabytes);
        cloud.Handler.Then(_ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(body) });

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            cloud.Apis.Mns("1234567890123456", "cn-hangzhou").SendMessageAsync(new SendMessageRequest { QueueName = "acr-reach-results", MessageBody = "{}" }));

        Assert.Equal(403, error.HttpStatus);
        Assert.InRange(body.BytesRead, 1, ErrorResponse.MaxBodyBytes + 16 * 1024);
        Assert.InRange(error.Message.Length, 1, ErrorResponse.MaxBodyBytes);
    }

    [Fact]
    public async Task A_small_error_body_is_still_read_whole()
    {
        using var cloud = NoRetries();
        var message = new string('m', 10_000);
        cloud.Handler.ThenJson($$"""{"Code":"Forbidden.RAM","Message":"{{message}}","RequestId":"r-1"}""", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Apis.Vpc("cn-hangzhou").DescribeVpcsAsync(new()));

        Assert.Equal("Forbidden.RAM", error.Code);
        Assert.Equal(message, error.ServiceMessage);
    }

    /// <summary>A JSON error whose message goes on for <c>length</c> bytes, made as it is read; counts what was read.</summary>
    private sealed class EndlessErrorBody(long length) : Stream
    {
        private static readonly byte[] Head = """{"Code":"Huge","Message":" """u8.ToArray();
        private long _position;

        public long BytesRead => Interlocked.Read(ref _position);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < Head.Length ? Head[at] : (byte)'x';
            }

            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
