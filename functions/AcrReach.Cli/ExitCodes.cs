namespace AcrReach.Cli;

/// <summary>The CLI's exit codes (a contract: see ARCHITECTURE.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input: one line on stderr names the file, the JSON path and what is wrong.</summary>
    public const int BadInput = 1;

    /// <summary>The plan (or the run) has an error finding, a step failed, or the run could not read or write.</summary>
    public const int Findings = 2;

    /// <summary>The run converged, but its message could not be published to its queue (apply, sweep, demo).</summary>
    public const int NotificationFailed = 3;
}
