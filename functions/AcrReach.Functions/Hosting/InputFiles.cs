using AcrReach.Core;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Functions.Hosting;

/// <summary>
/// The files a person names (a scenario, a policy file), read at the edge: Core does no I/O and is handed the bytes
/// with the file's name, so its errors still say which file. The host (its policy file) and the CLI read through here.
/// </summary>
public static class InputFiles
{
    /// <exception cref="InvalidInputException">The file cannot be read (missing, a directory, not allowed).</exception>
    public static byte[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(path, "$", Directory.Exists(path) ? "cannot read the file: it is a directory, not a file" : $"cannot read the file: {e.Message}");
        }
    }

    /// <exception cref="InvalidInputException">The file cannot be read or is not a valid scenario.</exception>
    public static Account ReadScenario(string path) => ScenarioReader.Read(Read(path), path);

    /// <exception cref="InvalidInputException">The file cannot be read or is not a valid policy (or scenario) file.</exception>
    public static PolicySettings ReadPolicy(string path) => ScenarioReader.ReadPolicy(Read(path), path);
}
