namespace AcrReach.Core.Rendering;

/// <summary>Left-aligned columns, two spaces apart, each row indented: what a network engineer scans at a glance.</summary>
public sealed class TextTable(string indent)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var columns = _rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in _rows)
        {
            var cells = row.Select((cell, i) => i < row.Length - 1 ? cell.PadRight(widths[i]) : cell);
            output.WriteLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }
}
