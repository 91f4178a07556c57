using System.Text.Json.Nodes;

namespace AcrReach.Functions.Tests.Support;

/// <summary>The recorded-shape events of tests/events/.</summary>
internal static class EventFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "events");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static JsonNode Node(string name) => JsonNode.Parse(Read(name))!;

    public static IEnumerable<string> Names => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
