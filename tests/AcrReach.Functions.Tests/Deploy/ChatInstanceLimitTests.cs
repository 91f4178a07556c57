using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Tests.Deploy;

// The robot's sign covers only the timestamp, so a replayed request is refused only by the replay cache, and that
// cache lives in one instance's memory: a second instance would accept what the first one has already seen.
public sealed class ChatInstanceLimitTests
{
    [Fact]
    public void S_yaml_limits_the_chat_function_to_one_instance()
    {
        var props = DeploymentFiles.DevsFunctions[FunctionKind.Chatops];

        // FC 3.0: reserved concurrency caps the function's concurrent requests over all its instances; no more of them
        // than one instance takes means one instance (fc3 component: concurrencyConfig.reservedConcurrency).
        var perInstance = (int)props["instanceConcurrency"]!;
        var reserved = (int)props["concurrencyConfig"]!["reservedConcurrency"]!;
        Assert.InRange(reserved, 1, perInstance);
    }

    [Fact]
    public void The_ros_template_limits_the_chat_function_to_one_instance_as_s_yaml_does()
    {
        var (resource, function) = Assert.Single(DeploymentFiles.RosResources("ALIYUN::FC3::Function"), f => (string?)f.Properties["FunctionName"] == "acr-reach-chatops");
        var config = Assert.Single(DeploymentFiles.RosResources("ALIYUN::FC3::ConcurrencyConfig"), c => (string?)c.Properties["FunctionName"]!["Fn::GetAtt"]![0] == resource);

        Assert.Equal("FunctionName", (string?)config.Properties["FunctionName"]!["Fn::GetAtt"]![1]);
        var reserved = (int)config.Properties["ReservedConcurrency"]!;
        Assert.InRange(reserved, 1, (int)function["InstanceConcurrency"]!);
        Assert.Equal((int)DeploymentFiles.DevsFunctions[FunctionKind.Chatops]["concurrencyConfig"]!["reservedConcurrency"]!, reserved);
    }

    [Fact]
    public void Both_files_say_why_next_to_the_setting()
    {
        foreach (var file in (string[])["s.yaml", "template.yml"])
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), file));
            Assert.Contains("the robot's sign covers only the timestamp", text, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
