using System.Text;
using System.Text.Json.Nodes;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Events;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Deploy;

public sealed class ServerlessDevsFileTests
{
    private static readonly Dictionary<FunctionKind, string> TriggerTypes = new()
    {
        [FunctionKind.OnAttachment] = "eventbridge",
        [FunctionKind.OnRegistry] = "eventbridge",
        [FunctionKind.Sweep] = "timer",
        [FunctionKind.Chatops] = "http",
    };

    [Fact]
    public void Is_a_serverless_devs_3_project_of_fc3_resources()
    {
        var document = DeploymentFiles.ServerlessDevs;

        Assert.Equal("3.0.0", (string?)document["edition"]);
        Assert.All(document["resources"]!.AsObject(), resource => Assert.Equal("fc3", (string?)resource.Value!["component"]));
    }

    [Fact]
    public void Every_function_passes_the_fc3_component_schema()
    {
        var validator = new JsonSchemaValidator(DeploymentFiles.Fc3Schema);

        foreach (var (kind, props) in DeploymentFiles.DevsFunctions)
        {
            Assert.True(validator.Validate(props) is { Count: 0 }, $"{kind.Name()}: {string.Join("; ", validator.Validate(props))}");
        }
    }

    [Fact]
    public void Declares_the_five_functions_each_selected_by_its_own_name()
    {
        Assert.Equal(FunctionKinds.All.Order(), DeploymentFiles.DevsFunctions.Keys.Order());
        Assert.Equal(5, DeploymentFiles.ServerlessDevs["resources"]!.AsObject().Count);
    }

    [Fact]
    public void The_sweep_hands_its_shards_to_the_worker_which_only_the_sweep_invokes()
    {
        var sweep = DeploymentFiles.DevsFunctions[FunctionKind.Sweep];
        var worker = DeploymentFiles.DevsFunctions[FunctionKind.SweepWorker];

        Assert.Equal((string?)worker["functionName"], (string?)sweep["environmentVariables"]![EnvironmentVariables.SweepWorker]);
        Assert.Null(worker["triggers"]);
        Assert.InRange((int)worker["asyncInvokeConfig"]!["maxAsyncRetryAttempts"]!, 1, 3);
        Assert.Null(worker["environmentVariables"]![EnvironmentVariables.SweepWorker]);
    }

    [Fact]
    public void The_worker_runs_one_shard_per_instance_and_only_a_few_shards_at_once()
    {
        var worker = DeploymentFiles.DevsFunctions[FunctionKind.SweepWorker];

        // Every shard reads from the account's per-API rate limits: with k shards at once each gets 1/k of them, so a
        // region of 500 VPCs (3,000 route-entry pages at 100/s) takes k x 30 s. At most three keeps that inside the
        // 120 s a shard may take; at least one, or no shard would run.
        Assert.Equal(1, (int)worker["instanceConcurrency"]!);
        Assert.InRange((int)worker["concurrencyConfig"]!["reservedConcurrency"]!, 1, 3);
    }

    [Fact]
    public void Every_function_runs_the_native_bootstrap_on_custom_debian12_at_port_9000()
    {
        foreach (var (kind, props) in DeploymentFiles.DevsFunctions)
        {
            Assert.Equal("custom.debian12", (string?)props["runtime"]);
            Assert.False(string.IsNullOrEmpty((string?)props["code"]), kind.Name());
            Assert.Equal(["/code/bootstrap"], props["customRuntimeConfig"]!["command"]!.AsArray().Select(c => (string?)c));
            Assert.Equal(HostConfig.DefaultPort, (int)props["customRuntimeConfig"]!["port"]!);
            var cpu = (double)props["cpu"]!;
            var memoryGb = (int)props["memorySize"]! / 1024.0;
            Assert.InRange(memoryGb / cpu, 1, 4);
        }
    }

    [Fact]
    public void Every_trigger_has_the_type_and_a_valid_config_for_its_function()
    {
        foreach (var (kind, props) in DeploymentFiles.DevsFunctions.Where(f => f.Key != FunctionKind.SweepWorker))
        {
            var trigger = Assert.Single(props["triggers"]!.AsArray())!.AsObject();
            Assert.Equal(TriggerTypes[kind], (string?)trigger["triggerType"]);
            Assert.False(string.IsNullOrEmpty((string?)trigger["triggerName"]));
            TriggerConfigs.AssertValid(kind, (string)trigger["triggerType"]!, trigger["triggerConfig"]!.AsObject());
        }
    }

    [Fact]
    public void Event_functions_retry_a_failed_invocation_only_a_few_times_and_wait_less_than_their_timeout()
    {
        foreach (var kind in new[] { FunctionKind.OnAttachment, FunctionKind.OnRegistry, FunctionKind.Sweep, FunctionKind.SweepWorker })
        {
            var props = DeploymentFiles.DevsFunctions[kind];
            Assert.InRange((int)props["asyncInvokeConfig"]!["maxAsyncRetryAttempts"]!, 0, 3);
            var wait = int.Parse((string)props["environmentVariables"]![EnvironmentVariables.ReadyTimeoutSeconds]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True((int)props["timeout"]! >= wait * 2, $"{kind.Name()}: the wait for readiness must leave time for the run");
        }
    }

    [Fact]
    public void Sets_only_variables_the_host_reads_and_the_chat_secret_only_on_the_chat_function()
    {
        foreach (var (kind, props) in DeploymentFiles.DevsFunctions)
        {
            var names = props["environmentVariables"]!.AsObject().Select(v => v.Key).ToList();
            Assert.All(names, name => Assert.Contains(name, EnvironmentVariables.Deployable));
            Assert.Equal(kind == FunctionKind.Chatops, names.Contains(EnvironmentVariables.ChatAppSecret));
            Assert.Equal(HostConfig.DefaultQueue, (string?)props["environmentVariables"]![EnvironmentVariables.Queue]);
        }
    }

    [Fact]
    public void Every_function_sets_what_the_engine_reads()
    {
        foreach (var (kind, props) in DeploymentFiles.DevsFunctions)
        {
            var names = props["environmentVariables"]!.AsObject().Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
            Assert.Superset(EnvironmentVariables.Engine.ToHashSet(StringComparer.Ordinal), names);
            Assert.Equal(kind != FunctionKind.Chatops, names.Contains(EnvironmentVariables.ReadyTimeoutSeconds));
        }
    }

    [Theory]
    [InlineData(FunctionKind.OnAttachment, "attachment-vpc-created.json", true)]
    [InlineData(FunctionKind.OnAttachment, "attachment-vbr-created.json", true)]
    [InlineData(FunctionKind.OnAttachment, "attachment-vpn-created.json", true)]
    [InlineData(FunctionKind.OnAttachment, "attachment-peer-created.json", true)]
    [InlineData(FunctionKind.OnRegistry, "attachment-peer-created.json", false)]
    [InlineData(FunctionKind.OnAttachment, "registry-created.json", false)]
    [InlineData(FunctionKind.OnRegistry, "registry-created.json", true)]
    [InlineData(FunctionKind.OnRegistry, "registry-created-no-id.json", true)]
    [InlineData(FunctionKind.OnRegistry, "registry-vpc-endpoint-linked.json", true)]
    [InlineData(FunctionKind.OnRegistry, "attachment-vpc-created.json", false)]
    [InlineData(FunctionKind.OnAttachment, "attachment-vpc-deleted.json", true)]
    [InlineData(FunctionKind.OnAttachment, "vpc-deleted.json", true)]
    [InlineData(FunctionKind.OnAttachment, "vpc-tag-removed.json", true)]
    [InlineData(FunctionKind.OnAttachment, "registry-deleted.json", false)]
    [InlineData(FunctionKind.OnRegistry, "registry-deleted.json", true)]
    [InlineData(FunctionKind.OnRegistry, "vpc-deleted.json", false)]
    public void Filters_the_events_of_its_own_function_only(FunctionKind kind, string file, bool delivered)
    {
        var config = DeploymentFiles.DevsFunctions[kind]["triggers"]![0]!["triggerConfig"]!;
        var pattern = JsonNode.Parse((string)config["eventRuleFilterPattern"]!)!;

        Assert.Equal(delivered, EventPattern.Matches(pattern, EventFiles.Node(file)));
    }

    [Theory]
    [InlineData("acs.cen", "cen:ActionTrail:ApiCall", "CreateTransitRouterVpcAttachment", true)]
    [InlineData("acs.cbn", "cbn:ActionTrail:ApiCall", "CreateTransitRouterVbrAttachment", true)]
    [InlineData("acs.cen", "cen:ActionTrail:ConsoleOperation", "CreateTransitRouterVpnAttachment", true)]
    [InlineData("acs.cen", "cen:ActionTrail:AliyunServiceEvent", "CreateTransitRouterVpcAttachment", false)]
    [InlineData("acs.cen", "cen:ActionTrail:ApiCall", "DeleteTransitRouterVpcAttachment", true)]
    [InlineData("acs.cen", "cen:ActionTrail:ApiCall", "DeleteTransitRouterVbrAttachment", false)]
    public void The_attachment_rule_matches_the_event_type_suffix_and_the_api_names_whatever_the_product_prefix(string source, string type, string eventName, bool delivered)
    {
        // ActionTrail events on EventBridge are typed <product>:ActionTrail:ApiCall or :ConsoleOperation; CEN's prefix
        // (cen or cbn) is documented nowhere, so the rule must not depend on it.
        var config = DeploymentFiles.DevsFunctions[FunctionKind.OnAttachment]["triggers"]![0]!["triggerConfig"]!;
        var pattern = JsonNode.Parse((string)config["eventRuleFilterPattern"]!)!;
        var cloudEvent = EventFiles.Node("attachment-vpc-created.json")!;
        cloudEvent["source"] = source;
        cloudEvent["type"] = type;
        cloudEvent["data"]!["eventName"] = eventName;

        Assert.Equal(delivered, EventPattern.Matches(pattern, cloudEvent));
    }

    [Theory]
    [InlineData(FunctionKind.OnAttachment)]
    [InlineData(FunctionKind.OnRegistry)]
    public void The_rule_names_exactly_the_events_its_function_acts_on(FunctionKind kind)
    {
        var config = DeploymentFiles.DevsFunctions[kind]["triggers"]![0]!["triggerConfig"]!;
        var pattern = JsonNode.Parse((string)config["eventRuleFilterPattern"]!)!;
        var named = pattern["data"]!["eventName"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal);
        var read = (kind == FunctionKind.OnAttachment ? AttachmentEventReader.EventNames : RegistryEventReader.EventNames).Order(StringComparer.Ordinal);

        Assert.Equal(read, named);
    }

    [Theory]
    [InlineData("attachment-burst.json")]
    [InlineData("attachment-batch.json")]
    public void A_body_of_a_hundred_recorded_events_is_one_the_host_takes(string batch)
    {
        // The deployment delivers one event per invocation; a caller that batches (an MNS-sourced trigger, a replay)
        // sends a JSON array, and the host must not refuse a hundred of the largest recorded event.
        var largest = JsonNode.Parse(EventFiles.Read(batch))!.AsArray().Max(e => Encoding.UTF8.GetByteCount(e!.ToJsonString()));

        Assert.True(100 * (largest + 1) + 2 <= HostConfig.DefaultMaxEventBytes, $"100 events of {largest} bytes");
    }

    [Fact]
    public void Pattern_matching_itself_tells_values_apart()
    {
        var pattern = JsonNode.Parse("""{"source":["acs.cr"],"type":[{"suffix":":ApiCall"}],"data":{"eventName":[{"prefix":"Create"}]}}""")!;

        Assert.True(EventPattern.Matches(pattern, JsonNode.Parse("""{"source":"acs.cr","type":"cr:ActionTrail:ApiCall","data":{"eventName":"CreateX"}}""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{"source":"acs.cr","type":"cr:ActionTrail:ApiCall","data":{"eventName":"DeleteX"}}""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{"source":"acs.cr","type":"cr:Artifact:PushCompleted","data":{"eventName":"CreateX"}}""")));
        Assert.False(EventPattern.Matches(pattern, JsonNode.Parse("""{"source":"acs.cr","type":"cr:ActionTrail:ApiCall"}""")));
    }
}

/// <summary>Per-type checks of a trigger config, shared by s.yaml and template.yml.</summary>
internal static class TriggerConfigs
{
    public static void AssertValid(FunctionKind kind, string type, JsonObject config)
    {
        switch (type)
        {
            case "eventbridge":
                var pattern = JsonNode.Parse((string)config["eventRuleFilterPattern"]!)!.AsObject();
                Assert.False(pattern.ContainsKey("source"), "the rule matches on the event type and the API names, not on a guessed source");
                var types = pattern["type"]!.AsArray().Select(t => t is JsonObject matcher ? (string)matcher["suffix"]! : (string)t!).ToList();
                Assert.NotEmpty(types);
                Assert.All(types, t => Assert.True(t.EndsWith(":ActionTrail:ApiCall", StringComparison.Ordinal) || t.EndsWith(":ActionTrail:ConsoleOperation", StringComparison.Ordinal), t));
                Assert.NotEmpty(pattern["data"]!["eventName"]!.AsArray());
                Assert.True((bool)config["triggerEnable"]!);
                Assert.True((bool)config["asyncInvocationType"]!, "async delivery: FC's bounded retries apply");
                Assert.Equal("Default", (string?)config["eventSourceConfig"]!["eventSourceType"]);
                Assert.Contains((string?)config["eventSinkConfig"]!["deliveryOption"]!["eventSchema"], new[] { "CloudEvents", "RawData" });

                // FC documents batch push (event-streaming with a batch window) for custom event sources only; ActionTrail
                // events come from the Default bus, so each is its own invocation and no batch window is configured.
                Assert.Equal("event-driven", (string?)config["runOptions"]!["mode"]);
                Assert.Equal("event-driven", (string?)config["eventSinkConfig"]!["deliveryOption"]!["mode"]);
                Assert.Null(config["runOptions"]!["batchWindow"]);
                break;
            case "timer":
                var fields = ((string)config["cronExpression"]!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(6, fields.Length);
                Assert.All(fields, field => Assert.Matches("^[0-9*/,?-]+$", field));
                Assert.True((bool)config["enable"]!);
                var timerEvent = new JsonObject { ["triggerTime"] = "2026-11-20T04:00:00Z", ["triggerName"] = "t", ["payload"] = (string?)config["payload"] };
                var body = Encoding.UTF8.GetBytes(timerEvent.ToJsonString());

                // The deployment's SweepRepair setting (ACR_REACH_SWEEP_REPAIR) decides whether the timed sweep repairs:
                // a mode in the payload would override it, and the setting would silently do nothing.
                Assert.Equal(ReconcileMode.ReportOnly, Assert.IsType<ReconcileReading>(TimerEventReader.Read(body, repairByDefault: false)).Mode);
                Assert.Equal(ReconcileMode.Repair, Assert.IsType<ReconcileReading>(TimerEventReader.Read(body, repairByDefault: true)).Mode);
                break;
            case "http":
                Assert.Equal("anonymous", (string?)config["authType"]);
                Assert.Equal(["POST"], config["methods"]!.AsArray().Select(m => (string?)m));
                break;
            default:
                Assert.Fail($"{kind.Name()}: unexpected trigger type {type}");
                break;
        }
    }
}
