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
    private readonly CloudSelection _cloud;

    public PlanSource(Command command)
    {
        command.Options.Add(_scenario);
        _cloud = new CloudSelection(command);
    }

    /// <summary>True when neither --scenario nor --endpoint was given.</summary>
    public bool IsMissing(ParseResult parse) => parse.GetValue(_scenario) is null && !_cloud.HasEndpoint(parse);

    /// <summary>Where the plan is read from, as a person would name it: the scenario file as given, or the endpoint (the cloud's own API when neither is given).</summary>
    public string Origin(ParseResult parse) =>
        parse.GetValue(_scenario) ?? (_cloud.HasEndpoint(parse) ? _cloud.Read(parse).Endpoint!.ToString() : "the Alibaba Cloud API");

    /// <summary>The account and its whole plan (the same plan id <c>plan</c> prints for a scenario).</summary>
    public async Task<(Account Account, Plan Plan)> LoadAsync(ParseResult parse, TextWriter error, CancellationToken cancellationToken)
    {
        var scenario = parse.GetValue(_scenario);
        if ((scenario is null) == !_cloud.HasEndpoint(parse))
        {
            throw new InvalidInputException("(arguments)", "$", "give exactly one of --scenario FILE and --endpoint URL");
        }

        if (scenario is not null)
        {
            var account = CommandGuard.LoadScenario(scenario);
            return (account, Planner.Plan(account));
        }

        var cloud = _cloud.Read(parse);
        var credentials = await cloud.CredentialsAsync(error, cancellationToken)
            ?? throw new InvalidInputException("(credentials)", "$", "no Alibaba Cloud credentials in the usual chain");
        using var factory = cloud.Factory(credentials);
        using var engine = new ReachEngine(factory, EngineRun.Options(cloud.Regions, cloud.Policy, ReconcilerOptions.DefaultQueue, null, privateZone: false, progress: null));
        var planned = await engine.PlanAsync(WholeAccount.Instance, RunContext.Default, cancellationToken);
        return (planned.Discovered.Account, planned.Plan);
    }
}
