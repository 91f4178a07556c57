using System.Text;
using AcrReach.Cloud.Credentials;

namespace AcrReach.Cli.Output;

/// <summary>
/// Everything acr-reach prints passes through here: whole lines, with the process's <see cref="Secrets"/> masked,
/// whatever wrote them (a report, an error a cloud sent back, the function host's log under <c>serve</c>). Text is
/// held until its line ends (or a flush), so a secret written in pieces is still seen whole.
/// </summary>
internal sealed class RedactingWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public RedactingWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                Emit(_pending.Length);
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            _pending.Append(value);
            var end = value.LastIndexOf('\n');
            if (end >= 0)
            {
                Emit(_pending.Length - (value.Length - end - 1));
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (_gate)
        {
            Emit(_pending.Length);
            _inner.Flush();
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Emit(_pending.Length);
        }

        await _inner.FlushAsync(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Emit(int length)
    {
        if (length == 0)
        {
            return;
        }

        _inner.Write(Secrets.Redact(_pending.ToString(0, length)));
        _pending.Remove(0, length);
    }
}
