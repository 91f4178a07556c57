namespace AcrReach.Cli;

/// <summary>The CLI's exit codes (a contract: see ARCHITECTURE.md).</summary>
internal static class ExitCodes
{
    /// <summary>The line every command's --help ends with (and the root's description).</summary>
    public const string Help = "Exit codes: 0 done and verified, 1 bad input, 2 a finding, a failed step or a run that could not read or write, 3 the run succeeded but its message could not be published.";

    public const int Ok = 0;

    /// <summary>Bad input: one line on stderr names the file, the JSON path and what is wrong.</summary>
    public const int BadInput = 1;

    /// <summary>The plan (or the run) has an error finding, a step failed, or the run could not read or write.</summary>
    public const int Findings = 2;

    /// <summary>The run converged, but its message could not be published to its queue (apply, sweep, demo).</summary>
    public const int NotificationFailed = 3;
}
