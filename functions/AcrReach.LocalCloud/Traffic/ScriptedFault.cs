namespace AcrReach.LocalCloud;

/// <summary>
/// The next <see cref="Count"/> calls of <see cref="Action"/> (<c>*</c> for any) fail with <see cref="Code"/> and
/// <see cref="HttpStatus"/>, whatever they asked for and without changing state. Scripted through <c>POST /_local/faults</c>.
/// <see cref="RetryAfterMs"/>, when set, is sent as <c>x-acs-retry-after</c> (milliseconds, as the official SDK reads it).
/// </summary>
public sealed record ScriptedFault(string Action, int Count, string Code, int HttpStatus = 400, string? Message = null, int? RetryAfterMs = null);
