using System.Runtime.CompilerServices;
using AcrReach.Core.Rendering.OnPrem;

namespace AcrReach.Core.Tests.Rendering.OnPrem;

/// <summary>
/// Golden on-premises outputs beside this file (Golden/&lt;scenario&gt;.&lt;format&gt;.txt), compared byte for byte and
/// rewritten only on purpose: <c>ACR_REACH_UPDATE_GOLDEN=1 dotnet test ...</c>. A format of several files is stored
/// as one text, each file after a "==&gt; name &lt;==" line.
/// </summary>
internal static class OnPremGolden
{
    public static string Directory { get; } = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Golden");

    public static void Assert(string scenario, string format, IReadOnlyList<ConfigFile> files)
    {
        var actual = files.Count == 1 ? files[0].Text : string.Concat(files.Select(f => $"==> {f.Name} <==\n{f.Text}"));
        var path = Path.Combine(Directory, $"{scenario}.{format}.txt");
        if (Environment.GetEnvironmentVariable("ACR_REACH_UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual);
        }

        Xunit.Assert.True(File.Exists(path), $"no golden output {path}; run the tests once with ACR_REACH_UPDATE_GOLDEN=1 and review it");
        Xunit.Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
