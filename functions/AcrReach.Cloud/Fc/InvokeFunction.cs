namespace AcrReach.Cloud.Fc;

/// <summary>How FC runs an invocation (header <c>x-fc-invocation-type</c>).</summary>
public enum InvocationType
{
    /// <summary>Wait for the function's answer.</summary>
    Sync,

    /// <summary>FC queues the payload, answers 202 at once, and delivers it with the function's async retry configuration.</summary>
    Async,
}

/// <summary>
/// One InvokeFunction call (FC 2023-03-30, ROA <c>POST /2023-03-30/functions/{functionName}/invocations</c>; npm
/// <c>@alicloud/fc20230330</c> <c>invokeFunctionWithOptions</c>): the payload is the body, sent as a stream.
/// </summary>
/// <param name="AsyncTaskId">For an async call, FC's task id (<c>x-fc-async-task-id</c>): the same id twice is one task.</param>
public sealed record InvokeFunctionRequest(
    string FunctionName,
    ReadOnlyMemory<byte> Payload,
    InvocationType Type = InvocationType.Async,
    string? Qualifier = null,
    string? AsyncTaskId = null);

/// <summary>The answer: 202 and no body for an async call; the function's answer for a sync one.</summary>
/// <param name="RequestId">FC's <c>x-fc-request-id</c>: the id the invocation's logs carry.</param>
public sealed record InvokeFunctionResponse(int StatusCode, string? RequestId, byte[] Body);
