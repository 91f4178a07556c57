namespace AcrReach.Functions.Chat;

/// <summary>
/// The JSON a DingTalk outgoing robot posts (fields AcrReach reads; others are ignored): <c>msgtype</c>,
/// <c>text.content</c>, <c>senderStaffId</c>, <c>senderId</c>, <c>senderNick</c>, <c>conversationId</c>, <c>msgId</c>.
/// </summary>
public sealed record RobotMessage(
    string? Msgtype,
    RobotText? Text,
    string? SenderStaffId,
    string? SenderId,
    string? SenderNick,
    string? ConversationId,
    string? MsgId);

public sealed record RobotText(string? Content);

/// <summary>A robot's answer in DingTalk's markdown message format: <c>{"msgtype":"markdown","markdown":{"title","text"}}</c>.</summary>
public sealed record RobotAnswer(string Msgtype, RobotMarkdown Markdown)
{
    public static RobotAnswer Of(string title, string text) => new("markdown", new RobotMarkdown(title, text));
}

public sealed record RobotMarkdown(string Title, string Text);
