using System.Collections.Immutable;
using System.CommandLine;
using AcrReach.Cloud;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.Cli.Output;

namespace AcrReach.Cli.Commands;

/// <summary>
/// Where the read-only commands that render a plan (onprem, probe, report) get it: a scenario file, or a cloud
/// (the local cloud with <c>--endpoint</c>) read and planned by the engine without writing anything.
/// </summary>
internal sealed class PlanSource
{
    private readonly Option<string?> _scenario = new("--scenario") { Description = "The scenario file (see FORMAT.md): the account's network state and reach policy." };
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "Read the account from this cloud endpoint instead (e.g. the local cloud, http://127.0.0.1:N); nothing is written." };
    private readonly Option<string?> _policy = new("--policy") { Description = "With --endpoint: a policy file (dataCenters, policy, ossVipRanges as in a scenario)." };
    private readonly Option<string[]> _regions = new("--region") { Description = "With --endpoint: a region to read (repeatable); default: every region holding a transit router or a registry." };

    public PlanSource(Command command)
    {
        foreach (var option in new Option[] { _scenario, _endpoint, _policy, _regions })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when neither --scenario nor --endpoint was given.</summary>
    public bool IsMissing(ParseResult parse) => parse.GetValue(_scenario) is null && parse.GetValue(_endpoint) is null;

    /// <summary>The account and its whole plan (the same plan id <c>plan</c> prints for a scenario).</summary>
    public async Task<(Account Account, Plan Plan)> LoadAsync(ParseResult parse, TextWriter error, CancellationToken cancellationToken)
    {
        var scenario = parse.GetValue(_scenario);
        var endpointText = parse.GetValue(_endpoint);
        if ((scenario is null) == (endpointText is null))
        {
            throw new InvalidInputException("(arguments)", "$", "give exactly one of --scenario FILE and --endpoint URL");
        }

        if (scenario is not null)
        {
            var account = CommandGuard.LoadScenario(scenario);
            return (account, Planner.Plan(account));
        }

        var endpoint = EngineRun.Endpoint(endpointText);
        var regions = (parse.GetValue(_regions) ?? []).Select(region => CloudIds.RequireRegion(region, "--region", "$")).ToImmutableArray();
        var policy = parse.GetValue(_policy) is { } file ? ScenarioReader.ReadPolicyFile(file) : PolicySettings.None;
        var credentials = await EngineRun.CredentialsAsync(endpoint, error, cancellationToken)
            ?? throw new InvalidInputException("(credentials)", "$", "no Alibaba Cloud credentials in the usual chain");
        using var factory = new CloudClientFactory(new CloudOptions { Endpoint = endpoint, Credentials = credentials, Regions = regions });
        using var engine = new ReachEngine(factory, EngineRun.Options(regions, policy, ReconcilerOptions.DefaultQueue, null, privateZone: false, progress: null));
        var planned = await engine.PlanAsync(WholeAccount.Instance, RunContext.Default, cancellationToken);
        return (planned.Discovered.Account, planned.Plan);
    }
}
