using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Tests.OpenApi;

/// <summary>The one table that decides whether a failed call is retried.</summary>
public class CloudApiExceptionTests
{
    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("Throttling.User", 400)]
    [InlineData("Throttling.Api", 503)]
    [InlineData("Throttling.DeepPageSkip", 400)]
    [InlineData("Rejected.Throttling", 400)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("SystemBusy", 400)]
    [InlineData("System.Busy", 400)]
    [InlineData("TaskConflict", 400)]
    [InlineData("IncorrectRouteEntryStatus", 400)]
    [InlineData("IncorrcetRouteEntryStatus", 400)]
    [InlineData("Operation.Blocking", 400)]
    [InlineData("OperationConflict", 400)]
    [InlineData("OperationFailed.DistibuteLock", 400)]
    [InlineData("TokenProcessing", 400)]
    [InlineData("LastTokenProcessing", 400)]
    [InlineData("InstanceStatus.NotSupport", 400)]
    [InlineData("IncorrectStatus.Status", 400)]
    [InlineData("IncorrectStatus.RouteTableStatus", 400)]
    [InlineData("IncorrectStatus.TransitRouterRouteTable", 400)]
    [InlineData("IncorrectStatus.VpcRouteTable", 400)]
    [InlineData("IncorrectVpcStatus", 400)]
    [InlineData("IncorrectVSwitchStatus", 403)]
    [InlineData("IncorrectInstanceStatus", 400)]
    [InlineData("InternalError", 500)]
    [InlineData("UnknownError", 500)]
    [InlineData("Http502", 502)]
    [InlineData("SomethingNew", 500)]
    [InlineData("SomethingNew", 504)]
    [InlineData("SomethingNew", 429)]
    [InlineData(CloudApiException.RequestTimeoutCode, 0)]
    [InlineData(CloudApiException.NetworkErrorCode, 0)]
    public void Retries(string code, int status) =>
        Assert.True(new CloudApiException(code, "m", "req", status).IsTransient);

    [Theory]
    [InlineData("InvalidCIDRBlock.Duplicate", 400)]
    [InlineData("InvalidRouteEntry.Duplicate", 400)]
    [InlineData("RouterEntryConflict.Duplicated", 400)]
    [InlineData("RouteConflict.AlreadyExist", 400)]
    [InlineData("InstanceExist.TransitRouterRouteEntry", 400)]
    [InlineData("OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock", 400)]
    [InlineData("QuotaExceeded", 400)]
    [InlineData("InvalidRouteTableId.NotFound", 404)]
    [InlineData("InvalidRouteEntry.NotFound", 400)]
    [InlineData("SignatureDoesNotMatch", 400)]
    [InlineData("InvalidAccessKeyId.NotFound", 404)]
    [InlineData("Forbidden.RAM", 403)]
    [InlineData("MissingParameter", 400)]
    [InlineData("DryRunOperation", 400)]
    [InlineData("INSTANCE_NOT_EXIST", 200)]
    [InlineData(CloudApiException.InvalidResponseCode, 200)]
    [InlineData(CloudApiException.UnsuccessfulCode, 200)]
    public void Does_not_retry(string code, int status) =>
        Assert.False(new CloudApiException(code, "m", "req", status).IsTransient);

    [Fact]
    public void Message_names_the_action_code_status_and_request()
    {
        var error = new CloudApiException("TaskConflict", "operation is too frequent", "5F2A", 400, action: "vpc:CreateRouteEntry");

        Assert.Equal("vpc:CreateRouteEntry: TaskConflict: operation is too frequent (HTTP 400, request 5F2A)", error.Message);
        Assert.Equal("operation is too frequent", error.ServiceMessage);
    }
}
