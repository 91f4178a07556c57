using System.Diagnostics;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.Integration.Tests.Faults;

/// <summary>Scripted faults (the next N calls of an action fail with a code) and how the client treats each code.</summary>
public sealed class ScriptedFaultTests
{
    [Fact]
    public async Task TaskConflict_is_retried_and_the_route_is_created_once()
    {
        await using var rig = await Rig.StartAsync();
        rig.Server.AddFault(new ScriptedFault("CreateRouteEntry", Count: 2, Code: "TaskConflict"));

        var created = await rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai);

        Assert.StartsWith("rte-", created.RouteEntryId, StringComparison.Ordinal);
        Assert.Equal(3, rig.Calls("CreateRouteEntry"));
        Assert.Equal(1, rig.Server.Snapshot().CountTo("vpc-sh2", "vtb-sh2", "100.103.7.181/32"));
    }

    [Fact]
    public async Task IncorrectRouteEntryStatus_is_retried_and_the_route_is_deleted()
    {
        await using var rig = await Rig.StartAsync();
        rig.Server.AddFault(new ScriptedFault("DeleteRouteEntry", Count: 1, Code: "IncorrectRouteEntryStatus"));

        await rig.Apis.Vpc(Rig.Shanghai).DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "10.0.0.0/8" });

        Assert.Equal(2, rig.Calls("DeleteRouteEntry"));
        Assert.Equal(0, rig.Server.Snapshot().CountTo("vpc-sh2", "vtb-sh2", "10.0.0.0/8"));
    }

    [Fact]
    public async Task A_permanent_code_is_not_retried_and_reaches_the_caller_with_the_services_message()
    {
        await using var rig = await Rig.StartAsync();
        var before = rig.State();
        rig.Server.AddFault(new ScriptedFault("CreateRouteEntry", Count: 3, Code: "Forbidden.RAM", HttpStatus: 403, Message: "User not authorized to operate on the specified resource."));

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Vpc(Rig.Shanghai).CreateRouteEntryAsync(Routes.AuthFromShanghai));

        Assert.Equal(("Forbidden.RAM", 403, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Equal("User not authorized to operate on the specified resource.", error.ServiceMessage);
        Assert.Equal(1, rig.Calls("CreateRouteEntry"));
        Assert.Equal(before, rig.State());
    }

    [Fact]
    public async Task The_client_waits_at_least_the_retry_after_the_service_sends()
    {
        await using var rig = await Rig.StartAsync(client: o => o with { Retry = Rig.FastRetries with { MaxDelay = TimeSpan.FromSeconds(2) } });
        rig.Server.AddFault(new ScriptedFault("DescribeVpcs", Count: 1, Code: "Throttling.User", RetryAfterMs: 300));
        var watch = Stopwatch.StartNew();

        var answer = await rig.Apis.Vpc(Rig.Hangzhou).DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal(2, answer.TotalCount);
        Assert.True(watch.ElapsedMilliseconds >= 295, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(2, rig.Calls("DescribeVpcs"));
    }

    [Fact]
    public async Task A_fault_scripted_for_every_action_reaches_mns_whose_xml_error_is_retried_and_the_message_sent_once()
    {
        await using var rig = await Rig.StartAsync();
        rig.Server.AddFault(new ScriptedFault("*", Count: 1, Code: "ServiceUnavailable", HttpStatus: 503));

        await rig.Apis.Mns(rig.Server.AccountId, Rig.Hangzhou).SendMessageAsync(new SendMessageRequest { QueueName = LocalCloudOptions.DefaultQueueName, MessageBody = "{\"run\":1}" });

        Assert.Equal(2, rig.Calls("SendMessage"));
        Assert.Equal(["{\"run\":1}"], rig.Server.Messages(LocalCloudOptions.DefaultQueueName).Select(m => m.DecodedBody));
    }
}
