using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AcrReach.Cloud;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Tests.Deploy;

public sealed partial class RosTemplateTests
{
    private static JsonObject Resources => DeploymentFiles.Ros["Resources"]!.AsObject();

    private static JsonObject Parameters => DeploymentFiles.Ros["Parameters"]!.AsObject();

    private static Dictionary<FunctionKind, (string Resource, JsonObject Properties)> Functions =>
        DeploymentFiles.RosResources("ALIYUN::FC3::Function").ToDictionary(
            f => FunctionKinds.TryParse((string)f.Properties["FunctionName"]!) ?? throw new InvalidOperationException($"{f.Name} selects no function"),
            f => (f.Name, f.Properties));

    [Fact]
    public void Is_a_ros_template()
    {
        Assert.Equal("2015-09-01", (string?)DeploymentFiles.Ros["ROSTemplateFormatVersion"]);
    }

    // ROS documents JSON and YAML templates but not YAML anchors and aliases: the template spells every block out.
    [Fact]
    public void Uses_no_yaml_anchors_or_aliases()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deploy", "template.yml"));

        Assert.DoesNotMatch(AnchorOrAlias(), text);
    }

    [Fact]
    public void Every_reference_names_a_parameter_a_resource_or_a_pseudo_parameter()
    {
        var problems = new List<string>();
        Visit(DeploymentFiles.Ros, "$", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Declares_the_five_fc3_functions_on_custom_debian12_running_the_bootstrap()
    {
        Assert.Equal(FunctionKinds.All.Order(), Functions.Keys.Order());
        foreach (var (kind, (name, properties)) in Functions)
        {
            Assert.Equal("custom.debian12", (string?)properties["Runtime"]);
            Assert.Equal(["/code/bootstrap"], properties["CustomRuntimeConfig"]!["Command"]!.AsArray().Select(c => (string?)c));
            Assert.Equal(HostConfig.DefaultPort, (int)properties["CustomRuntimeConfig"]!["Port"]!);
            Assert.Equal("CodeBucket", (string?)properties["Code"]!["OssBucketName"]!["Ref"]);
            Assert.Equal("CodeObject", (string?)properties["Code"]!["OssObjectName"]!["Ref"]);
            Assert.Equal(["FunctionRole", "Arn"], properties["Role"]!["Fn::GetAtt"]!.AsArray().Select(a => (string?)a));
            Assert.Contains("FunctionPolicy", Resources[name]!["DependsOn"]!.AsArray().Select(d => (string?)d));
            Assert.Equal(0, (int)properties["MemorySize"]! % 64);
            _ = kind;
        }
    }

    [Fact]
    public void Sizes_and_environment_match_s_yaml()
    {
        foreach (var (kind, (_, properties)) in Functions)
        {
            var devs = DeploymentFiles.DevsFunctions[kind];
            Assert.Equal((int)devs["timeout"]!, (int)properties["Timeout"]!);
            Assert.Equal((int)devs["memorySize"]!, (int)properties["MemorySize"]!);
            Assert.Equal((double)devs["cpu"]!, (double)properties["Cpu"]!);
            Assert.Equal((int)devs["instanceConcurrency"]!, (int)properties["InstanceConcurrency"]!);
            Assert.Equal(
                devs["environmentVariables"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal),
                properties["EnvironmentVariables"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Bounds_the_async_retries_of_each_event_function_as_s_yaml_does()
    {
        // Without an AsyncInvokeConfig the stack's event functions would get FC's defaults (3 retries, events kept a day).
        var functionsByResource = Functions.ToDictionary(f => f.Value.Resource, f => f.Key);
        var configs = DeploymentFiles.RosResources("ALIYUN::FC3::AsyncInvokeConfig")
            .ToDictionary(c => functionsByResource[(string)c.Properties["FunctionName"]!["Fn::GetAtt"]![0]!], c => c.Properties);

        Assert.Equal(
            FunctionKinds.All.Where(kind => DeploymentFiles.DevsFunctions[kind]["asyncInvokeConfig"] is not null).Order(),
            configs.Keys.Order());
        foreach (var (kind, properties) in configs)
        {
            var devs = DeploymentFiles.DevsFunctions[kind]["asyncInvokeConfig"]!;
            Assert.Equal((int)devs["maxAsyncRetryAttempts"]!, (int)properties["MaxAsyncRetryAttempts"]!);
            Assert.Equal((int)devs["maxAsyncEventAgeInSeconds"]!, (int)properties["MaxAsyncEventAgeInSeconds"]!);
        }
    }

    [Fact]
    public void Reserves_the_concurrency_of_each_function_s_yaml_reserves_it_for_and_no_other()
    {
        // ROS: ALIYUN::FC3::ConcurrencyConfig {FunctionName, ReservedConcurrency}; s.yaml: concurrencyConfig.reservedConcurrency.
        var functionsByResource = Functions.ToDictionary(f => f.Value.Resource, f => f.Key);
        var configs = DeploymentFiles.RosResources("ALIYUN::FC3::ConcurrencyConfig").ToList();

        Assert.All(configs, c => Assert.Equal("FunctionName", (string?)c.Properties["FunctionName"]!["Fn::GetAtt"]![1]));
        var reserved = configs.ToDictionary(c => functionsByResource[(string)c.Properties["FunctionName"]!["Fn::GetAtt"]![0]!], c => (int)c.Properties["ReservedConcurrency"]!);
        var devs = FunctionKinds.All
            .Where(kind => DeploymentFiles.DevsFunctions[kind]["concurrencyConfig"] is not null)
            .ToDictionary(kind => kind, kind => (int)DeploymentFiles.DevsFunctions[kind]["concurrencyConfig"]!["reservedConcurrency"]!);
        Assert.Equal(devs.OrderBy(d => d.Key), reserved.OrderBy(r => r.Key));
        Assert.Contains(FunctionKind.SweepWorker, reserved.Keys);
        Assert.Equal(1, (int)Functions[FunctionKind.SweepWorker].Properties["InstanceConcurrency"]!);
    }

    [Fact]
    public void Every_trigger_belongs_to_a_function_and_equals_the_s_yaml_trigger()
    {
        var functionsByResource = Functions.ToDictionary(f => f.Value.Resource, f => f.Key);
        var triggers = DeploymentFiles.RosResources("ALIYUN::FC3::Trigger").ToList();

        Assert.Equal(4, triggers.Count);
        foreach (var (name, properties) in triggers)
        {
            var target = properties["FunctionName"]!["Fn::GetAtt"]!.AsArray().Select(a => (string)a!).ToArray();
            Assert.Equal("FunctionName", target[1]);
            var kind = functionsByResource[target[0]];
            var type = (string)properties["TriggerType"]!;
            TriggerConfigs.AssertValid(kind, type, properties["TriggerConfig"]!.AsObject());

            var devs = DeploymentFiles.DevsFunctions[kind]["triggers"]![0]!.AsObject();
            Assert.Equal((string?)devs["triggerName"], (string?)properties["TriggerName"]);
            Assert.Equal((string?)devs["triggerType"], type);
            Assert.True(JsonNode.DeepEquals(devs["triggerConfig"], properties["TriggerConfig"]), $"{name}: TriggerConfig differs from s.yaml");
        }
    }

    [Fact]
    public void The_function_role_trusts_function_compute_only()
    {
        var role = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::Role"));
        var statement = Assert.Single(role.Properties["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Equal("FunctionRole", role.Name);
        Assert.Equal("sts:AssumeRole", (string?)statement["Action"]);
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal(["fc.aliyuncs.com"], statement["Principal"]!["Service"]!.AsArray().Select(s => (string?)s));
        Assert.Single(statement["Principal"]!.AsObject());
    }

    [Fact]
    public void The_policy_grants_exactly_the_actions_the_client_calls_plus_fc_log_delivery()
    {
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var granted = statements.SelectMany(s => s["Action"]!.AsArray().Select(a => (string)a!)).ToList();

        Assert.Equal(["FunctionRole", "RoleName"], policy["Roles"]![0]!["Fn::GetAtt"]!.AsArray().Select(a => (string?)a));
        Assert.All(statements, s => Assert.Equal("Allow", (string?)s["Effect"]));
        Assert.Equal(granted.Count, granted.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(granted, action => action.Contains('*', StringComparison.Ordinal));
        Assert.Equal(ExpectedRamActions.Client.Union(ExpectedRamActions.Platform).Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Grants_no_action_the_code_does_not_call()
    {
        // Regression: the policy granted vpc:DeleteRouteEntry and cen:DeleteTransitRouterRouteEntry, declared by the
        // client but called by nothing.
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var granted = policy["PolicyDocument"]!["Statement"]!.AsArray().SelectMany(s => s!["Action"]!.AsArray().Select(a => (string)a!));
        var uncalled = ApiCatalog.RamActions.Except(ExpectedRamActions.CalledOperations().Select(o => o.RamAction), StringComparer.Ordinal);

        Assert.Empty(granted.Intersect(uncalled, StringComparer.Ordinal));
        Assert.Contains("cen:CreateTransitRouterRouteEntry", ExpectedRamActions.Client);
    }

    [Fact]
    public void Creating_a_service_linked_role_is_allowed_only_for_the_roles_the_client_calls_create()
    {
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var create = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => s!["Action"]!.AsArray().Any(a => (string?)a == "ram:CreateServiceLinkedRole"))!;

        Assert.Equal(["ram:CreateServiceLinkedRole"], create["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal<string>([Cloud.Cr.CrOperations.PrivateZoneServiceLinkedRole], ApiCatalog.ServiceLinkedRoles);
        Assert.Single(create["Condition"]!.AsObject());
        var names = create["Condition"]!["StringEquals"]!["ram:ServiceName"]!.AsArray().Select(n => (string)n!);
        Assert.Equal<string>(ApiCatalog.ServiceLinkedRoles, names);
    }

    [Fact]
    public void Sending_is_allowed_on_the_results_queue_only()
    {
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var send = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => s!["Action"]!.AsArray().Any(a => (string?)a == "mns:SendMessage"))!;

        Assert.Equal(["mns:SendMessage"], send["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("acs:mns:${ALIYUN::Region}:${ALIYUN::TenantId}:/queues/${QueueName}/messages", (string?)Assert.Single(send["Resource"]!.AsArray())!["Fn::Sub"]);
    }

    [Fact]
    public void Invoking_is_allowed_on_the_sweep_worker_function_only()
    {
        var policy = Assert.Single(DeploymentFiles.RosResources("ALIYUN::RAM::ManagedPolicy")).Properties;
        var invoke = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => s!["Action"]!.AsArray().Any(a => (string?)a == "fc:InvokeFunction"))!;
        var worker = (string)Functions[FunctionKind.SweepWorker].Properties["FunctionName"]!;

        Assert.Equal(["fc:InvokeFunction"], invoke["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal($"acs:fc:${{ALIYUN::Region}}:${{ALIYUN::TenantId}}:functions/{worker}", (string?)Assert.Single(invoke["Resource"]!.AsArray())!["Fn::Sub"]);
        Assert.Equal(worker, (string?)Functions[FunctionKind.Sweep].Properties["EnvironmentVariables"]![EnvironmentVariables.SweepWorker]);
    }

    [Fact]
    public void Creates_the_results_queue_under_the_host_default_name()
    {
        var queue = Assert.Single(DeploymentFiles.RosResources("ALIYUN::MNS::Queue")).Properties;

        Assert.Equal("QueueName", (string?)queue["QueueName"]!["Ref"]);
        Assert.Equal(HostConfig.DefaultQueue, (string?)Parameters["QueueName"]!["Default"]);
        Assert.All(Functions.Values, f => Assert.Equal("QueueName", (string?)f.Properties["EnvironmentVariables"]![EnvironmentVariables.Queue]!["Ref"]));
    }

    [Fact]
    public void Keeps_the_chat_secret_out_of_stack_outputs_and_events()
    {
        Assert.True((bool)Parameters["ChatAppSecret"]!["NoEcho"]!);
        Assert.Single(Functions.Values, f => f.Properties["EnvironmentVariables"]!.AsObject().ContainsKey(EnvironmentVariables.ChatAppSecret));
    }

    private static void Visit(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    switch (key)
                    {
                        case "Ref":
                            CheckName((string)value!, $"{path}.Ref", problems);
                            break;
                        case "Fn::GetAtt":
                            var target = (string)value!.AsArray()[0]!;
                            if (!Resources.ContainsKey(target))
                            {
                                problems.Add($"{path}: Fn::GetAtt names no resource {target}");
                            }

                            break;
                        case "Fn::Sub":
                            foreach (Match match in SubVariable().Matches((string)value!))
                            {
                                CheckName(match.Groups[1].Value, $"{path}.Fn::Sub", problems);
                            }

                            break;
                        case "DependsOn":
                            foreach (var dependency in value!.AsArray().Select(d => (string)d!).Where(d => !Resources.ContainsKey(d)))
                            {
                                problems.Add($"{path}: DependsOn names no resource {dependency}");
                            }

                            break;
                        default:
                            Visit(value, $"{path}.{key}", problems);
                            break;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static void CheckName(string name, string path, List<string> problems)
    {
        if (!name.StartsWith("ALIYUN::", StringComparison.Ordinal) && !Parameters.ContainsKey(name) && !Resources.ContainsKey(name))
        {
            problems.Add($"{path}: {name} is neither a parameter nor a resource");
        }
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@":\s+[&*][A-Za-z_]\w*\s*$", RegexOptions.Multiline)]
    private static partial Regex AnchorOrAlias();
}
