using System.Text.Json;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;
using Microsoft.AspNetCore.Http;

namespace AcrReach.Functions.Chat;

/// <summary>
/// The chat function: any HTTP request FC forwards. The robot's signature is checked before anything else
/// (even the method or the body); then the allow-list; then the command runs against the engine. Refusals are
/// deliberate answers (x-fc-status 200 with a 4xx status); only a crash is a function error.
/// </summary>
internal sealed class ChatOpsFunction(IReachEngine engine, HostConfig config, RobotSignature signature, JsonLog log, TimeProvider time)
{
    public async Task<InvocationResult> HandleAsync(HttpRequest request, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var check = signature.Verify(request.Headers["timestamp"].FirstOrDefault(), request.Headers["sign"].FirstOrDefault());
        if (check != SignatureCheck.Valid)
        {
            log.Warning(invocation.RequestId, "chat.refused", $"robot signature check: {check}", ("check", check.ToString()));
            return Refusal(StatusCodes.Status401Unauthorized, "SignatureRefused", check switch
            {
                SignatureCheck.NotConfigured => "no chat app secret is configured: every request is refused",
                SignatureCheck.Unsigned => "the timestamp and sign headers are required",
                SignatureCheck.Malformed => "the timestamp header is not milliseconds since the epoch",
                SignatureCheck.Expired => "the timestamp is outside the accepted window",
                SignatureCheck.Replayed => "this signed request was already received",
                _ => "the sign header does not match",
            });
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return Refusal(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "the robot posts its messages");
        }

        var body = await BodyReader.ReadAsync(request, config.MaxChatBytes, cancellationToken);
        if (body is null)
        {
            log.Warning(invocation.RequestId, "chat.refused", "message body too large");
            return Refusal(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"a robot message is at most {config.MaxChatBytes} bytes");
        }

        RobotMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(body, FunctionsJsonContext.Default.RobotMessage);
        }
        catch (JsonException exception)
        {
            message = null;
            log.Warning(invocation.RequestId, "chat.malformed", exception.Message);
        }

        if (message is null)
        {
            return Refusal(StatusCodes.Status400BadRequest, "MalformedMessage", "the body is not a robot message (JSON with text.content)");
        }

        var sender = message.SenderStaffId ?? message.SenderId;
        if (!config.ChatAllowedUsers.IsEmpty && !IsAllowed(message.SenderStaffId) && !IsAllowed(message.SenderId))
        {
            log.Warning(invocation.RequestId, "chat.not-allowed", "sender not on the allow-list", ("sender", sender));
            return Answer(ChatAnswers.NotAllowed(sender));
        }

        var command = ChatCommand.Parse(message.Text?.Content);
        log.Info(invocation.RequestId, "chat.command", command.GetType().Name, ("sender", sender), ("conversationId", message.ConversationId));
        return Answer(await RunAsync(command, invocation, cancellationToken));
    }

    /// <summary>The allow-list holds staff ids or DingTalk sender ids; a staff member's message carries both.</summary>
    private bool IsAllowed(string? userId) => userId is not null && config.ChatAllowedUsers.Contains(userId);

    private async Task<RobotAnswer> RunAsync(ChatCommand command, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var run = invocation.RunUntilDeadline(time.GetUtcNow());
        try
        {
            switch (command)
            {
                case PlanCommand plan:
                {
                    var planned = await engine.PlanAsync(plan.Scope, run, cancellationToken);
                    return planned.Sources.Contains(plan.Scope.Network)
                        ? ChatAnswers.Plan(plan.Scope, planned)
                        : ChatAnswers.NoSuchNetwork(plan.Scope.Network, planned.Sources);
                }

                case ApplyCommand apply:
                {
                    var approved = await engine.ApplyPlanAsync(apply.Token.PlanId, new ReconcileRequest(apply.Token.Scope, Triggers.Chatops, ReconcileMode.Repair), run, cancellationToken);
                    if (approved.Report is { } report)
                    {
                        log.Report(invocation.RequestId, report);
                    }

                    log.Info(invocation.RequestId, approved.Applied ? "chat.applied" : "chat.apply-refused", apply.Token.ToString(), ("currentPlanId", approved.Current.Plan.PlanId));
                    return approved switch
                    {
                        { Applied: true, Report: { } applied } => ChatAnswers.Applied(apply.Token, applied),
                        _ when !approved.Current.Sources.Contains(apply.Token.Scope.Network) => ChatAnswers.NoSuchNetwork(apply.Token.Scope.Network, approved.Current.Sources),
                        _ => ChatAnswers.Refused(apply.Token, approved.Current),
                    };
                }

                case PrunePlanCommand:
                    return ChatAnswers.PrunePlan(await engine.PlanAsync(PruneRequest, run, cancellationToken));
                case PruneCommand prune:
                {
                    var approved = await engine.ApplyPlanAsync(prune.PlanId, PruneRequest, run, cancellationToken);
                    if (approved.Report is { } report)
                    {
                        log.Report(invocation.RequestId, report);
                    }

                    log.Info(invocation.RequestId, approved.Applied ? "chat.pruned" : "chat.prune-refused", prune.PlanId, ("currentPlanId", approved.Current.Plan.PlanId));
                    return approved is { Applied: true, Report: { } pruned } ? ChatAnswers.Pruned(prune.PlanId, pruned) : ChatAnswers.PruneRefused(prune.PlanId, approved.Current);
                }

                case StatusCommand:
                    return ChatAnswers.Status(await engine.StatusAsync(run, cancellationToken));
                case ExplainCommand explain:
                {
                    var planned = await engine.PlanAsync(new OneNetwork(explain.Network), run, cancellationToken);
                    return planned.Sources.Contains(explain.Network)
                        ? ChatAnswers.Explain(explain.Network, planned)
                        : ChatAnswers.NoSuchNetwork(explain.Network, planned.Sources);
                }

                case HelpCommand help:
                    return ChatAnswers.Help(help.Problem);
                default:
                    throw new InvalidOperationException($"unhandled chat command {command.GetType().Name}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (command is not HelpCommand)
        {
            log.Error(invocation.RequestId, "chat.failed", exception.Message, ("exception", exception.GetType().FullName));
            return ChatAnswers.Failed(command.GetType().Name.Replace("Command", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), exception.Message);
        }
    }

    /// <summary>A chat prune looks at the whole account: a removal is only safe against every rule in force.</summary>
    private static ReconcileRequest PruneRequest => new(WholeAccount.Instance, Triggers.Chatops, ReconcileMode.Repair, Prune: true);

    private static InvocationResult Answer(RobotAnswer answer) =>
        InvocationResult.Json(StatusCodes.Status200OK, true, answer, FunctionsJsonContext.Default.RobotAnswer);

    private static InvocationResult Refusal(int status, string code, string message) =>
        InvocationResult.Json(status, true, new ErrorBody(new ErrorDetail(code, message)), FunctionsJsonContext.Default.ErrorBody);
}
