using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using Microsoft.Extensions.Logging;

namespace AcrReach.Functions.Hosting;

/// <summary>
/// Structured logs for FC: one JSON object per line on stdout (FC ships stdout to the function's logstore),
/// plus the plain-text invocation markers FC's console needs. Thread-safe: lines never interleave. Every line is
/// written with the process's <see cref="Secrets"/> masked, whatever put them in it.
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

    /// <summary>
    /// The end of a run: one line with its outcome and counts, and under <c>data</c> the whole report (the Apply JSON
    /// contract), written straight from the engine's report — the one place the full report is logged.
    /// </summary>
    public void Report(string? requestId, ApplyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summarize();
        Write(
            summary.CallsForRetry ? "warning" : "info",
            requestId,
            "run.done",
            report.Scope,
            [
                ("runId", report.RunId), ("planId", report.PlanId), ("outcome", report.Outcome.ToString()), ("applied", Text(summary.Applied)),
                ("failed", Text(summary.Failed)), ("error", report.Error?.ToString()), ("notificationError", report.Notification?.Error),
            ],
            writer => ReportJson.Write(writer, report));
    }

    /// <param name="data">Writes a JSON value the line carries under <c>data</c> (e.g. a run's whole report).</param>
    public void Write(string level, string? requestId, string eventName, string message, IReadOnlyList<(string Key, string? Value)> fields, Action<Utf8JsonWriter>? data = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("time", _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            writer.WriteString("function", _function);
            if (requestId is not null)
            {
                writer.WriteString("requestId", requestId);
            }

            writer.WriteString("event", eventName);
            writer.WriteString("message", message);
            var present = fields.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            if (present.Count > 0)
            {
                writer.WriteStartObject("fields");
                foreach (var (key, value) in present)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            if (data is not null)
            {
                writer.WritePropertyName("data");
                data(writer);
            }

            writer.WriteEndObject();
        }

        WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(Secrets.Redact(line));
            _output.Flush();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

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
