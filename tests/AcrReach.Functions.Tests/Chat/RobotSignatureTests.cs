using System.Net;
using System.Text;
using AcrReach.Functions.Chat;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.Functions.Tests.Chat;

/// <summary>The robot's signature is checked before anything else; every refusal leaves the engine untouched.</summary>
public sealed class RobotSignatureTests
{
    [Fact]
    public void Computes_the_sign_of_dingtalks_published_algorithm()
    {
        // Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), computed independently with Python's hmac module.
        Assert.Equal("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=", RobotSignature.Compute("this is secret", "1577262236757"));
    }

    [Fact]
    public async Task Accepts_a_correctly_signed_request()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "status"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        Assert.Single(host.Engine.StatusRequests);
    }

    public static TheoryData<string, string?, string?> Refused => new()
    {
        { "unsigned", null, null },
        { "timestamp only", "now", null },
        { "sign only", null, "good" },
        { "another secret", "now", "other-secret" },
        { "sign of another timestamp", "now", "sign-of-earlier" },
        { "expired", "two-hours-ago", "good" },
        { "from the future", "two-hours-ahead", "good" },
        { "not milliseconds", "yesterday", "good" },
        { "sign not base64", "now", "!!!not-base64!!!" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refuses_a_request_whose_signature_does_not_hold(string why, string? timestamp, string? sign)
    {
        _ = why;
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var now = host.Time.GetUtcNow();
        var ts = timestamp switch
        {
            null => null,
            "now" => Robot.Timestamp(now),
            "two-hours-ago" => Robot.Timestamp(now.AddHours(-2)),
            "two-hours-ahead" => Robot.Timestamp(now.AddHours(2)),
            _ => timestamp,
        };
        var signature = sign switch
        {
            null => null,
            "good" => Robot.Sign(HostUnderTest.ChatSecret, ts ?? Robot.Timestamp(now)),
            "other-secret" => Robot.Sign("SECsomeoneElsesSecret", ts!),
            "sign-of-earlier" => Robot.Sign(HostUnderTest.ChatSecret, Robot.Timestamp(now.AddSeconds(-1))),
            _ => sign,
        };

        using var response = await host.Client.SendAsync(Robot.Request(host.Address, Robot.Message("plan vpc-1"), ts, signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        Assert.Equal("SignatureRefused", (await response.JsonAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, host.Engine.CallCount);
        Assert.Contains(host.OutputLines, line => line.Contains("\"event\":\"chat.refused\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_replayed_request_even_with_another_body()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var timestamp = Robot.Timestamp(host.Time.GetUtcNow());
        var sign = Robot.Sign(HostUnderTest.ChatSecret, timestamp);

        using var first = await host.Client.SendAsync(Robot.Request(host.Address, Robot.Message("status"), timestamp, sign));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        using var replay = await host.Client.SendAsync(Robot.Request(host.Address, Robot.Message("apply vpc-1:plan0001"), timestamp, sign));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already received", (await replay.JsonAsync()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(host.Engine.StatusRequests);
        Assert.Empty(host.Engine.ApplyRequests);
    }

    public static TheoryData<string> SpellingsOfOneSign => new()
    {
        "percent-encoded",
        "one character percent-encoded",
        "space inside",
    };

    [Theory]
    [MemberData(nameof(SpellingsOfOneSign))]
    public void Refuses_a_replay_that_spells_the_same_sign_another_way(string spelling)
    {
        // The replay cache used to key on the sign as written, while the check decodes it: writing the captured
        // sign another way passed both and replayed the request.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
        var signature = new RobotSignature("secret", TimeSpan.FromHours(1), time);
        var timestamp = Robot.Timestamp(time.GetUtcNow());
        var sign = Robot.Sign("secret", timestamp);
        var respelled = spelling switch
        {
            "percent-encoded" => Uri.EscapeDataString(sign),
            "one character percent-encoded" => $"%{(int)sign[0]:X2}{sign[1..]}",
            _ => $"{sign[..10]} {sign[10..]}",
        };

        Assert.Equal(SignatureCheck.Valid, signature.Verify(timestamp, sign));
        Assert.Equal(SignatureCheck.Replayed, signature.Verify(timestamp, respelled));
    }

    [Fact]
    public void Forgets_accepted_pairs_once_their_window_is_over_while_still_refusing_them_as_expired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
        var signature = new RobotSignature("secret", TimeSpan.FromMinutes(10), time);
        var timestamp = Robot.Timestamp(time.GetUtcNow());
        var sign = Robot.Sign("secret", timestamp);

        Assert.Equal(SignatureCheck.Valid, signature.Verify(timestamp, sign));
        Assert.Equal(SignatureCheck.Replayed, signature.Verify(timestamp, sign));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(SignatureCheck.Expired, signature.Verify(timestamp, sign));
    }

    [Fact]
    public async Task Refuses_everything_when_no_app_secret_is_configured()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops, config => config with { ChatAppSecret = null });

        using var response = await host.Client.SendAsync(Robot.Signed(host, "status"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no chat app secret", (await response.JsonAsync()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Accepts_a_percent_encoded_sign()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var timestamp = Robot.Timestamp(host.Time.GetUtcNow());

        using var response = await host.Client.SendAsync(Robot.Request(host.Address, Robot.Message("status"), timestamp, Uri.EscapeDataString(Robot.Sign(HostUnderTest.ChatSecret, timestamp))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Checks_the_signature_before_the_method_and_the_body_size()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "/"));
        using var huge = Robot.Request(host.Address, new string(' ', HostConfig.DefaultMaxChatBytes + 1), null, null);

        using var getResponse = await host.Client.SendAsync(get);
        using var hugeResponse = await host.Client.SendAsync(huge);

        Assert.Equal(HttpStatusCode.Unauthorized, getResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hugeResponse.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_signed_but_oversized_or_malformed_message_without_calling_the_engine()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var now = host.Time.GetUtcNow();
        var first = Robot.Timestamp(now);
        var second = Robot.Timestamp(now.AddMilliseconds(1));

        using var huge = await host.Client.SendAsync(Robot.Request(host.Address, Robot.Message(new string('a', HostConfig.DefaultMaxChatBytes)), first, Robot.Sign(HostUnderTest.ChatSecret, first)));
        using var broken = await host.Client.SendAsync(Robot.Request(host.Address, "{\"text\":", second, Robot.Sign(HostUnderTest.ChatSecret, second)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(["200", "200"], new[] { huge.FcStatus(), broken.FcStatus() });
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Frames_chat_requests_with_fc_markers_too()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "help", requestId: "chat-42"));

        Assert.Contains("FC Invoke Start RequestId: chat-42", host.OutputLines);
        Assert.Contains("FC Invoke End RequestId: chat-42", host.OutputLines);
        Assert.Equal(Encoding.UTF8.WebName, response.Content.Headers.ContentType?.CharSet);
    }
}
