namespace AcrReach.Core;

/// <summary>
/// Bad input from a person: names the file, the JSON path inside it and what is wrong, so one line on
/// stderr is enough to fix it.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string file, string jsonPath, string reason)
        : base($"{file}: {jsonPath}: {reason}")
    {
        File = file;
        JsonPath = jsonPath;
        Reason = reason;
    }

    public InvalidInputException()
        : this("(input)", "$", "invalid input")
    {
    }

    public InvalidInputException(string message)
        : this("(input)", "$", message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(input)";
        JsonPath = "$";
        Reason = message;
    }

    public string File { get; }

    public string JsonPath { get; }

    public string Reason { get; }
}
