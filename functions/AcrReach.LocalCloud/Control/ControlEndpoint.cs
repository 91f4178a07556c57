using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AcrReach.Core.Addressing;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud.Fc;
using AcrReach.LocalCloud.Mns;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Traffic;
using Microsoft.AspNetCore.Http;

namespace AcrReach.LocalCloud.Control;

/// <summary>
/// <c>/_local/</c>: the local cloud's own control API, unsigned, never part of a real API (README.md beside this
/// project documents it). State, queued messages, call counts, scripted faults, the functions InvokeFunction forwards to and
/// what their invocations did, what names resolve to inside a region,
/// and a registry's <c>/v2/</c> token challenge.
/// </summary>
internal sealed class ControlEndpoint(CloudState state, MnsQueues queues, TrafficShaper shaper, CallCounter calls, Signing.AccessKeys keys, LocalFunctions functions)
{
    public static bool Handles(PathString path) => path.StartsWithSegments("/_local", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        var method = context.Request.Method;
        try
        {
            switch (segments.Length > 1 ? segments[1] : string.Empty)
            {
                case "state" when method == "GET":
                    string scenario;
                    lock (state.Gate)
                    {
                        state.Advance();
                        scenario = ScenarioWriter.Write(state.ToAccount());
                    }

                    context.Response.ContentType = "application/json;charset=utf-8";
                    await context.Response.WriteAsync(scenario);
                    return;
                case "policy" when method == "GET":
                    var policy = PolicyFile(state.PolicyParts());

                    context.Response.ContentType = "application/json;charset=utf-8";
                    await context.Response.WriteAsync(policy);
                    return;
                case "queues" when method == "GET" && segments.Length == 3:
                    var name = Uri.UnescapeDataString(segments[2]);
                    var messages = queues.Messages(name);
                    await (messages is null
                        ? Error(context, 404, $"queue '{name}' does not exist")
                        : Json(context, 200, new QueueView(name, messages), ControlJsonContext.Default.QueueView));
                    return;
                case "calls" when method == "GET":
                    await Json(context, 200, calls.Snapshot(), ControlJsonContext.Default.SortedDictionaryStringInt32);
                    return;
                case "writes" when method == "GET":
                    List<WriteRecord> writes;
                    lock (state.Gate)
                    {
                        writes = [.. state.Writes];
                    }

                    await Json(context, 200, writes, ControlJsonContext.Default.ListWriteRecord);
                    return;
                case "credentials" when method == "POST" && segments.Length == 3 && segments[2] == "expire":
                    await Json(context, 200, new ExpiredView(keys.ExpireAll()), ControlJsonContext.Default.ExpiredView);
                    return;
                case "calls" when method == "DELETE":
                    calls.Reset();
                    context.Response.StatusCode = 204;
                    return;
                case "faults" when method == "GET":
                    await Json(context, 200, new FaultsView(shaper.PendingFaults()), ControlJsonContext.Default.FaultsView);
                    return;
                case "faults" when method == "POST":
                    var fault = await Read(context, ControlJsonContext.Default.ScriptedFault);
                    if (fault is null || string.IsNullOrEmpty(fault.Action) || string.IsNullOrEmpty(fault.Code) || fault.Count < 1 || fault.HttpStatus is < 400 or > 599)
                    {
                        await Error(context, 400, "a fault needs action (or *), code, count >= 1 and an httpStatus from 400 to 599");
                        return;
                    }

                    shaper.Schedule(fault);
                    await Json(context, 201, new FaultsView(shaper.PendingFaults()), ControlJsonContext.Default.FaultsView);
                    return;
                case "faults" when method == "DELETE":
                    shaper.ClearFaults();
                    context.Response.StatusCode = 204;
                    return;
                case "functions" when method == "GET":
                    await Json(context, 200, Registered(functions), ControlJsonContext.Default.FunctionsView);
                    return;
                case "functions" when method == "POST":
                    var registration = await Read(context, ControlJsonContext.Default.FunctionRegistration);
                    if (registration?.Name is not { Length: > 0 } functionName
                        || !Uri.TryCreate(registration.Endpoint, UriKind.Absolute, out var functionEndpoint)
                        || functionEndpoint.Scheme != Uri.UriSchemeHttp
                        || !IPAddress.TryParse(functionEndpoint.Host, out var functionAddress)
                        || !IPAddress.IsLoopback(functionAddress)
                        || registration.MaxAsyncRetryAttempts is < 0 or > 8
                        || registration.ReservedConcurrency is < 0)
                    {
                        await Error(context, 400, "a function needs name and endpoint (http://127.x.x.x:PORT, a host on this machine); maxAsyncRetryAttempts 0 to 8; reservedConcurrency 0 or more");
                        return;
                    }

                    var function = new LocalFunction(functionName, functionEndpoint, registration.MaxAsyncRetryAttempts ?? LocalFunction.DefaultMaxAsyncRetryAttempts);
                    functions.Register(function);
                    if (registration.ReservedConcurrency is { } reserved)
                    {
                        // As PutConcurrencyConfig would: the deployment's cap, set where the function is declared.
                        functions.SetReservedConcurrency(functionName, reserved);
                    }

                    await Json(context, 201, Registered(functions), ControlJsonContext.Default.FunctionsView);
                    return;
                case "invocations" when method == "GET":
                    await Json(context, 200, new InvocationsView(functions.Invocations(), functions.Attempts()), ControlJsonContext.Default.InvocationsView);
                    return;
                case "resolve" when method == "GET":
                    await Resolve(context);
                    return;
                case "resolve" when method == "PUT":
                    await ChangeResolution(context);
                    return;
                case "registry" when method == "GET" && segments.Length >= 5 && segments[4] == "v2":
                    await Challenge(context, segments[2], segments[3]);
                    return;
                default:
                    await Error(context, 404, $"{method} {context.Request.Path} is not a local cloud control endpoint (see the LocalCloud README)");
                    return;
            }
        }
        catch (JsonException e)
        {
            await Error(context, 400, $"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// The scenario's policy as a policy file (<c>dataCenters</c>, <c>policy</c>, <c>ossVipRanges</c>): what an operator
    /// passes with <c>--policy</c> on a real account. Tags carry the reach rules, but not the route scopes or VIP ranges.
    /// </summary>
    private static string PolicyFile(AcrReach.Core.Topology.Account account)
    {
        var scenario = ScenarioWriter.ToDocument(account);
        return JsonSerializer.Serialize(
            new PolicyFileDocument { Accounts = scenario.Accounts, DataCenters = scenario.DataCenters, Policy = scenario.Policy, OssVipRanges = scenario.OssVipRanges },
            ScenarioJsonContext.Default.PolicyFileDocument);
    }

    private async Task Resolve(HttpContext context)
    {
        var region = context.Request.Query["region"].ToString();
        var name = context.Request.Query["name"].ToString().ToLowerInvariant();
        IPAddress? address;
        lock (state.Gate)
        {
            address = state.RegionalEndpoints.GetValueOrDefault(region)?.GetValueOrDefault(name);
        }

        await (address is null
            ? Error(context, 404, $"'{name}' does not resolve inside {(region.Length == 0 ? "(no region given)" : region)}")
            : Json(context, 200, new ResolveView(region, name, address.ToString()), ControlJsonContext.Default.ResolveView));
    }

    private async Task ChangeResolution(HttpContext context)
    {
        var update = await Read(context, ControlJsonContext.Default.ResolveUpdate);
        if (update?.Region is not { Length: > 0 } region || update.Name is not { Length: > 0 } name)
        {
            await Error(context, 400, "give region, name and address (address null removes the name)");
            return;
        }

        IPAddress? address = null;
        if (update.Address is not null && !Cidr.TryParseCanonicalAddress(update.Address, out address, out var problem))
        {
            await Error(context, 400, problem);
            return;
        }

        lock (state.Gate)
        {
            if (!state.RegionalEndpoints.TryGetValue(region, out var names))
            {
                state.RegionalEndpoints[region] = names = new SortedDictionary<string, IPAddress>(StringComparer.Ordinal);
            }

            if (address is null)
            {
                names.Remove(name.ToLowerInvariant());
            }
            else
            {
                names[name.ToLowerInvariant()] = address;
            }
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>
    /// What <c>GET https://{registry}/v2/</c> answers: 401 with the token realm. Without auth-domain takeover the realm is
    /// the region's VPC auth service; with it, the instance's own registry domain.
    /// </summary>
    private async Task Challenge(HttpContext context, string region, string instanceName)
    {
        RegistryState? registry;
        lock (state.Gate)
        {
            registry = state.Registries.FirstOrDefault(r => r.Registry.Region == region && r.Registry.InstanceName == instanceName);
        }

        if (registry is null)
        {
            await Error(context, 404, $"no registry instance named '{instanceName}' in {region}");
            return;
        }

        var realm = registry.Registry.AuthDomainTakeover
            ? $"https://{instanceName}-registry-vpc.{region}.cr.aliyuncs.com/auth"
            : $"https://dockerauth-vpc.{region}.aliyuncs.com/auth";
        context.Response.StatusCode = 401;
        context.Response.Headers["Docker-Distribution-Api-Version"] = "registry/2.0";
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\",service=\"registry.aliyuncs.com:{region}:{state.AccountId}\"";
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\",\"detail\":null}]}");
    }

    private static async Task<T?> Read<T>(HttpContext context, JsonTypeInfo<T> type) =>
        await JsonSerializer.DeserializeAsync(context.Request.Body, type);

    private static async Task Json<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type);
    }

    private static Task Error(HttpContext context, int status, string message) =>
        Json(context, status, new ControlError(message), ControlJsonContext.Default.ControlError);

    private static FunctionsView Registered(LocalFunctions functions) =>
        new([.. functions.All().Select(f => new RegisteredFunction(f.Name, f.Endpoint, f.MaxAsyncRetryAttempts, functions.ReservedConcurrency(f.Name)))]);
}
