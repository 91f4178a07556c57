using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AcrReach.Cli.Tests.Support;

/// <summary>What a page did in the browser: the errors it raised, the requests it made beyond itself, and what the DOM holds.</summary>
internal sealed record PageLoad(IReadOnlyList<string> Errors, IReadOnlyList<string> Requests, string Url)
{
    /// <summary>Requests for anything but the page itself (an external asset, a missing file).</summary>
    public IReadOnlyList<string> OtherRequests => [.. Requests.Where(r => r != Url)];
}

/// <summary>
/// Debian's chromium-headless-shell driven over the DevTools protocol (a WebSocket, no client library): it loads a file,
/// and reports every console error, uncaught exception, browser log error (a resource that failed to load) and request
/// the page made; it then answers questions about the rendered DOM and takes a full-page screenshot.
/// </summary>
internal sealed class HeadlessBrowser : IAsyncDisposable
{
    public const string Tool = "chromium-headless-shell";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private HeadlessBrowser(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    public static async Task<HeadlessBrowser> StartAsync()
    {
        var program = await DebianTools.RequireAsync(Tool, Tool);
        var profile = Path.Combine(Path.GetTempPath(), $"acr-reach-chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // --no-sandbox: the tests run as root, where Chromium refuses its sandbox.
        foreach (var argument in new[] { "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,900", "about:blank" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var endpoint = await DevToolsEndpointAsync(process);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri(endpoint, "/json/list")))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(page), CancellationToken.None);
        var browser = new HeadlessBrowser(process, profile, socket);
        browser._reader = Task.Run(browser.ReadAsync);
        foreach (var domain in new[] { "Runtime", "Log", "Page", "Network" })
        {
            await browser.SendAsync($"{domain}.enable");
        }

        return browser;
    }

    /// <summary>Loads <paramref name="file"/> and waits for its load event; what it raised and requested on the way.</summary>
    public async Task<PageLoad> LoadAsync(string file)
    {
        var url = new Uri(Path.GetFullPath(file)).AbsoluteUri;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_errors)
        {
            _loaded = loaded;
        }

        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A late load event of the first page (about:blank) could have answered: wait until this page is the one loaded.
        // The round trips also mean every event the page raised before them has been read.
        var waited = Stopwatch.StartNew();
        while ((await EvaluateAsync("document.readyState === 'complete' ? location.href : ''"))?.GetValue<string>() != url)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{url} did not finish loading");
            }

            await Task.Delay(100);
        }
        lock (_errors)
        {
            return new PageLoad([.. _errors], [.. _requests], url);
        }
    }

    /// <summary>The value of a JavaScript expression in the page (returned by value).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var answer = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (answer["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"{expression} threw {exception.ToJsonString()}");
        }

        return answer["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the whole page, not only the window.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"]!;
        var clip = new JsonObject
        {
            ["x"] = 0,
            ["y"] = 0,
            ["width"] = size["width"]!.GetValue<double>(),
            ["height"] = Math.Min(size["height"]!.GetValue<double>(), 16000),
            ["scale"] = 1,
        };
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The browser is killed next either way.
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still being closed: it is in the temporary directory.
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return reply["error"] is { } error
            ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}")
            : reply["result"]!.AsObject();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var answer))
                {
                    answer.TrySetResult(node);
                }
                else
                {
                    Observe(node["method"]?.GetValue<string>(), node["params"]);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            foreach (var answer in _pending.Values)
            {
                answer.TrySetException(new InvalidOperationException("the browser's DevTools connection closed", e));
            }
        }
    }

    private void Observe(string? method, JsonNode? parameters)
    {
        lock (_errors)
        {
            switch (method)
            {
                case "Runtime.consoleAPICalled" when parameters!["type"]!.GetValue<string>() is "error" or "assert":
                    _errors.Add($"console.{parameters["type"]}: {string.Join(" ", parameters["args"]!.AsArray().Select(a => a!["value"]?.ToJsonString() ?? a["description"]?.GetValue<string>()))}");
                    break;
                case "Runtime.exceptionThrown":
                    _errors.Add($"uncaught: {parameters!["exceptionDetails"]!["exception"]?["description"]?.GetValue<string>() ?? parameters["exceptionDetails"]!["text"]!.GetValue<string>()}");
                    break;
                case "Log.entryAdded" when parameters!["entry"]!["level"]!.GetValue<string>() == "error":
                    _errors.Add($"log ({parameters["entry"]!["source"]}): {parameters["entry"]!["text"]} {parameters["entry"]!["url"]}");
                    break;
                case "Network.requestWillBeSent":
                    _requests.Add(parameters!["request"]!["url"]!.GetValue<string>());
                    break;
                case "Page.loadEventFired":
                    _loaded.TrySetResult();
                    break;
            }
        }
    }

    /// <summary>Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr once ready.</summary>
    private static async Task<Uri> DevToolsEndpointAsync(Process process)
    {
        var seen = new StringBuilder();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardError.ReadLineAsync(cancel.Token) is { } line)
        {
            seen.AppendLine(line);
            const string Marker = "DevTools listening on ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var socket = new Uri(line[(at + Marker.Length)..].Trim());
                // Keep draining stderr so the browser never blocks on a full pipe.
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                return new Uri($"http://{socket.Authority}/");
            }
        }

        throw new InvalidOperationException($"{Tool} ended before it listened for DevTools:\n{seen}");
    }
}
