namespace AcrReach.LocalCloud.Tests.Support;

/// <summary><c>P("RegionId", "cn-hangzhou", "VpcId", "vpc-hz1")</c>: parameters as alternating names and values.</summary>
public static class Params
{
    public static Dictionary<string, string> P(params string[] namesAndValues)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < namesAndValues.Length; i += 2)
        {
            result[namesAndValues[i]] = namesAndValues[i + 1];
        }

        return result;
    }
}
