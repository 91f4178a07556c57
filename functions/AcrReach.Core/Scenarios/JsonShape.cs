using System.Globalization;
using System.Text;
using System.Text.Json;
using AcrReach.Core.Identifiers;

namespace AcrReach.Core.Scenarios;

/// <summary>
/// One pass over a scenario or policy file before it is deserialized, for what the serializer lets through or reports
/// in its own words: a null list element (<c>"vpcs": [null]</c>), a key given twice in one object (the serializer keeps
/// the last one, so a typo would silently change a plan), and ids or names holding control, bidi or zero-width
/// characters (text that reads as one id and is another). Errors name the file, the JSON path and, for a duplicate,
/// the key. Malformed JSON and text that is not UTF-8 are left to the deserializer, which reports where.
/// </summary>
internal static class JsonShape
{
    /// <summary>The one free-text field of the format: a route's description may say anything.</summary>
    private const string FreeText = "description";

    /// <summary>Above this many keys a frame's set is dropped rather than cleared, so clearing stays cheap.</summary>
    private const int KeySetKeep = 64;

    public static void Check(ReadOnlySpan<byte> json, string file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<Frame>();
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                var top = depth == 0 ? null : frames[depth - 1];
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        top?.NextElement();
                        if (depth == frames.Count)
                        {
                            frames.Add(new Frame());
                        }

                        frames[depth++].Reset(reader.TokenType == JsonTokenType.StartObject);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        var key = reader.GetString()!;
                        top!.Key = key;
                        if (HiddenCharacter(key) is { } hidden)
                        {
                            throw new InvalidInputException(file, PathOf(frames, depth), $"the key {CloudIds.Quote(key)} holds {hidden}");
                        }

                        if (!top.Keys.Add(key))
                        {
                            throw new InvalidInputException(file, PathOf(frames, depth), $"duplicate key '{key}': it appears more than once in this object (the last would silently win)");
                        }

                        break;
                    case JsonTokenType.Null:
                        top?.NextElement();
                        if (top is { IsObject: false })
                        {
                            throw new InvalidInputException(file, PathOf(frames, depth), "must not be null (a list holds values; leave an element out instead)");
                        }

                        break;
                    case JsonTokenType.String:
                        top?.NextElement();
                        if (top is { IsObject: true, Key: FreeText })
                        {
                            break;
                        }

                        var value = reader.GetString()!;
                        if (HiddenCharacter(value) is { } found)
                        {
                            throw new InvalidInputException(file, PathOf(frames, depth), $"{CloudIds.Quote(value)} holds {found}; ids and names must be plain text");
                        }

                        break;
                    default:
                        top?.NextElement();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the deserializer reports the line and column.
        }
        catch (InvalidOperationException)
        {
            // Not UTF-8: the deserializer reports it at its path.
        }
    }

    /// <summary>What makes a text read as something it is not: a control character, or a format character (bidi
    /// controls U+202A-U+202E and U+2066-U+2069, marks U+200E/F, zero-width U+200B-U+200D, U+2060, U+FEFF).</summary>
    private static string? HiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || CloudIds.IsInvisibleFormat(c))
            {
                var kind = char.IsControl(c) ? "a control character" : "an invisible formatting character";
                return $"{kind} (U+{(int)c:X4} at position {i + 1})";
            }
        }

        return null;
    }

    private static string PathOf(List<Frame> frames, int depth)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < depth; i++)
        {
            var frame = frames[i];
            if (!frame.IsObject)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Key is { } key)
            {
                if (IsPlainName(key))
                {
                    path.Append('.').Append(key);
                }
                else
                {
                    path.Append('[').Append(CloudIds.Quote(key)).Append(']');
                }
            }
        }

        return path.ToString();
    }

    private static bool IsPlainName(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>An open object (its keys so far, the current one) or array (the current index); reused per depth.</summary>
    private sealed class Frame
    {
        public bool IsObject { get; private set; }

        public int Index { get; private set; }

        public string? Key { get; set; }

        public HashSet<string> Keys { get; private set; } = new(StringComparer.Ordinal);

        public void Reset(bool isObject)
        {
            IsObject = isObject;
            Index = -1;
            Key = null;
            if (Keys.Count > KeySetKeep)
            {
                Keys = new HashSet<string>(StringComparer.Ordinal);
            }
            else
            {
                Keys.Clear();
            }
        }

        public void NextElement()
        {
            if (!IsObject)
            {
                Index++;
            }
        }
    }
}
