namespace AcrReach.Cloud.Fc;

/// <summary>Function Compute 3.0 for one account in one region (endpoint <c>{accountId}.{region}.fc.aliyuncs.com</c>).</summary>
public interface IFcApi
{
    Task<InvokeFunctionResponse> InvokeFunctionAsync(InvokeFunctionRequest request, CancellationToken cancellationToken = default);
}
