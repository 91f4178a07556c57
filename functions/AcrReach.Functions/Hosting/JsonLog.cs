using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AcrReach.Functions.Hosting;

/// <summary>
/// Structured logs for FC: one JSON object per line on stdout (FC ships stdout to the function's logstore),
/// plus the plain-text invocation markers FC's console needs. Thread-safe: lines never interleave.
/// </summary>
public sealed class JsonLog
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly string _function;
    private readonly Lock _gate = new();

    public JsonLog(TextWriter output, TimeProvider time, string function)
    {
        _output = output;
        _time = time;
        _function = function;
    }

    /// <summary>A line FC reads as is, e.g. <c>FC Invoke Start RequestId: ...</c>.</summary>
    public void Marker(string line) => WriteLine(line);

    public void Info(string? requestId, string eventName, string message, params (string Key, string? Value)[] fields) =>
        Write("info", requestId, eventName, message, fields);

    public void Warning(string? requestId, string eventName, string message, params (string Key, string? Value)[] fields) =>
        Write("warning", requestId, eventName, message, fields);

    public void Error(string? requestId, string eventName, string message, params (string Key, string? Value)[] fields) =>
        Write("error", requestId, eventName, message, fields);

    /// <param name="data">A JSON document the line carries as it is (e.g. a run's whole report), under <c>data</c>.</param>
    public void Write(string level, string? requestId, string eventName, string message, IReadOnlyList<(string Key, string? Value)> fields, JsonElement? data = null)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                builder[key] = value;
            }
        }

        var entry = new LogEntry(
            _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            level,
            _function,
            requestId,
            eventName,
            message,
            builder.Count == 0 ? null : builder.ToImmutable(),
            data);
        WriteLine(JsonSerializer.Serialize(entry, FunctionsJsonContext.Default.LogEntry));
    }

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}

public sealed record LogEntry(
    string Time,
    string Level,
    string Function,
    string? RequestId,
    string Event,
    string Message,
    ImmutableSortedDictionary<string, string>? Fields,
    JsonElement? Data = null);

/// <summary>Routes ASP.NET Core's own warnings and errors into the same JSON lines.</summary>
internal sealed class JsonLoggerProvider(JsonLog log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new JsonLogger(log, categoryName);

    public void Dispose()
    {
    }

    private sealed class JsonLogger(JsonLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            log.Write(
                logLevel >= LogLevel.Error ? "error" : "warning",
                null,
                "host." + (eventId.Name ?? eventId.Id.ToString(CultureInfo.InvariantCulture)),
                formatter(state, exception),
                [("category", category), ("exception", exception?.GetType().FullName)]);
        }
    }
}
