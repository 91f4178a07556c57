using System.Text;

namespace AcrReach.Functions.Chat;

/// <summary>
/// Text from outside (what a person typed, a sender id, a name) put into a markdown answer as it is: every markdown
/// character backslash-escaped, line breaks flattened, so a message cannot add links, images or headings to the robot's answer.
/// </summary>
internal static class Markdown
{
    // What can start emphasis, code, a link or an image, a heading, a table or inline HTML.
    private const string Special = "\\`*_[]<>#|~!";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) || Core.Identifiers.CloudIds.IsInvisibleFormat(c))
            {
                escaped.Append(' ');
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
