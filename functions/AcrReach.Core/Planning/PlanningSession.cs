using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>
/// One planning (or verifying) run over an account. Rules are planned in their sorted order, each seeing the routes
/// earlier rules added; passes repeat until a whole pass adds nothing, so that the traces and findings describe the
/// account exactly as the plan leaves it (and planning again after applying adds nothing). A later pass re-plans
/// only the rules whose look-ups a later route could have changed: a route added to a table after a rule was planned
/// matters to it only if it covers a destination the rule looked up in that table.
/// </summary>
internal sealed partial class PlanningSession
{
    /// <summary>Passes over the rules; a later rule's route can change an earlier rule's path, two passes settle it.</summary>
    private const int MaxPasses = 6;

    /// <summary>Routes added for one path before giving up (a path crosses a handful of tables).</summary>
    private const int MaxFixesPerPath = 16;

    private readonly RoutingState _state;
    private readonly bool _fix;
    private readonly Dictionary<(string Table, IPNetwork Destination), PlanAction> _routes = [];
    private readonly Dictionary<(string Table, IPNetwork Destination), (string Source, string Registry)> _routeOwners = [];
    private readonly List<LinkVpcEndpoint> _links = [];
    private readonly HashSet<Finding> _decisions = [];
    private readonly Dictionary<(string From, string To), ImmutableArray<(string RouterId, string Via)>?> _routerPaths = [];
    private readonly Dictionary<string, List<(long Clock, IPNetwork Destination)>> _routeLog = new(StringComparer.Ordinal);
    private readonly List<Finding> _global = [];
    private RuleOutcome _current = new();
    private Dictionary<string, List<(string Attachment, string Peer)>>? _peers;
    private long _clock;
    private bool _incomplete;

    public PlanningSession(Account account, bool fix, PlanFootprint? footprint = null)
    {
        _state = new RoutingState(account, footprint);
        _fix = fix;
    }

    private Account Account => _state.Account;

    public Plan Plan(PlanScope scope)
    {
        var all = ReachRules.Effective(Account);
        var rules = all.Where(scope.Includes).ToArray();
        PlanLinks(rules);
        var outcomes = new RuleOutcome?[rules.Length];
        var settled = false;
        for (var pass = 0; pass < MaxPasses && !settled; pass++)
        {
            var before = _routes.Count;
            for (var i = 0; i < rules.Length; i++)
            {
                if (outcomes[i] is not { } previous || Changed(previous))
                {
                    outcomes[i] = PlanRule(rules[i]);
                }
            }

            settled = _routes.Count == before;
        }

        if (!settled)
        {
            _global.Add(new Finding(FindingCodes.PlanUnsettled, Severity.Warning,
                $"routes kept changing after {MaxPasses} passes; the plan may be incomplete",
                Remedy: "plan again after applying this plan"));
        }

        // Advice about a registry's pullers, given where they are all looked at: a run for one network (an attachment
        // event) says nothing about the others, and needs to read nothing of them.
        if (scope.Source is null)
        {
            AdviseReplication(all, rules);
        }

        var paths = outcomes.SelectMany(o => o!.Paths).ToList();
        var actions = _routes.Select(r => Described(r.Key, r.Value, paths)).Concat(_links).Order(PlanOrder.Actions).ToImmutableArray();
        var dns = outcomes.SelectMany(o => o!.Dns).Distinct().Order(PlanOrder.Dns).ToImmutableArray();
        var findings = outcomes.SelectMany(o => o!.Findings).Concat(_global).Concat(_decisions).Distinct().Order(PlanOrder.Findings).ToImmutableArray();
        var content = new PlanContent(actions, dns, findings);
        return new Plan(PlanJson.ComputeId(content), actions, dns, findings) { Paths = [.. outcomes.SelectMany(o => o!.Paths).Order(PlanOrder.Paths)] };
    }

    /// <summary>
    /// The route with a reason naming every endpoint of the registry and source it was planned for whose path, as the
    /// plan leaves the account, crosses it: a transit router's 100.0.0.0/8 added for auth also carries OSS traffic.
    /// </summary>
    private PlanAction Described((string Table, IPNetwork Destination) route, PlanAction action, List<PathTrace> paths)
    {
        var (source, registry) = _routeOwners[route];
        var served = paths
            .Where(p => p.Direction == PathDirection.Forward && p.Source == source && p.Registry == registry && p.Name is not null
                && p.Hops.Any(h => h.RouteTableId == route.Table && h.Route?.Destination == route.Destination))
            .Select(p => new ServedEndpoint(p.Endpoint, p.Name!, p.Destination))
            .ToList();
        return served.Count == 0 ? action : action with { Reason = RouteReason.For(registry, source, served) };
    }

    public Verification Verify(PlanScope scope)
    {
        var outcomes = ReachRules.Effective(Account).Where(scope.Includes).Select(PlanRule).ToList();
        var paths = outcomes.SelectMany(o => o.Paths).Order(PlanOrder.Paths).ToImmutableArray();
        return new Verification(!_incomplete && paths.All(p => p.Reached), paths);
    }

    /// <summary>Plans one rule into a fresh outcome.</summary>
    private RuleOutcome PlanRule(ReachRule rule)
    {
        _current = new RuleOutcome();
        PlanRuleInto(rule);
        _current.Stamp = _clock;
        return _current;
    }

    /// <summary>True when a route added after the rule was planned covers a destination it looked up in that table.</summary>
    private bool Changed(RuleOutcome outcome)
    {
        foreach (var (table, destination) in outcome.LookUps)
        {
            if (_routeLog.TryGetValue(table, out var log))
            {
                for (var i = log.Count - 1; i >= 0 && log[i].Clock > outcome.Stamp; i--)
                {
                    if (log[i].Destination.ContainsNetwork(destination))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Traces one path and remembers which table look-ups the rule now depends on.</summary>
    private PathTrace Trace(TraceStart start, IPNetwork destination, Arrival expected, PathSubject subject)
    {
        var trace = PathTracer.Walk(_state, start, destination, expected, subject);
        foreach (var hop in trace.Hops)
        {
            if (hop.RouteTableId is { } table)
            {
                _current.LookUps.Add((table, destination));
            }
        }

        return trace;
    }

    private void PlanRuleInto(ReachRule rule)
    {
        var registry = _state.Registry(rule.Registry);
        Vpc? vpc = null;
        DataCenter? dataCenter = null;
        var known = true;
        if (rule.From.VpcId is { } vpcId)
        {
            vpc = _state.Vpc(vpcId);
            known &= vpc is not null || Unknown(rule, "VPC", vpcId, $"fix or remove the {ReachRules.TagKey} tag or policy rule that names it");
        }
        else
        {
            dataCenter = _state.DataCenter(rule.From.DataCenter!);
            known &= dataCenter is not null || Unknown(rule, "data center", rule.From.DataCenter!, "add the data center to the policy's dataCenters, or remove the rule");
        }

        known &= registry is not null || Unknown(rule, "registry", rule.Registry, $"fix the registry instance id in the {ReachRules.TagKey} tag or policy rule");
        if (!known)
        {
            return;
        }

        var source = new SourceNetwork(rule.From.Name, vpc, dataCenter);
        if (vpc is not null && vpc.VSwitches.IsEmpty)
        {
            _current.Findings.Add(new Finding(FindingCodes.NoVSwitch, Severity.Warning,
                $"{vpc.Id} has no vSwitch: nothing in it can pull from {registry!.InstanceId}, so nothing is planned for it",
                source.Name, registry.InstanceId));
            return;
        }

        if (vpc is not null && vpc.Region == registry!.Region)
        {
            PlanSameRegion(vpc, registry);
        }
        else
        {
            PlanAcrossRegions(source, registry!);
        }
    }

    /// <summary>Adds a finding; one route conflict per table and destination for a rule, whichever of its paths hit it.</summary>
    private void Report(Finding finding)
    {
        if (finding.Code != FindingCodes.RouteConflict || _current.ConflictsReported.Add((finding.RouteTableId, finding.Destination)))
        {
            _current.Findings.Add(finding);
        }
    }

    /// <summary>An address as people write it: "10.0.0.1" for a host, "10.0.0.0/24" for a block.</summary>
    private static string Text(IPNetwork network) =>
        network.PrefixLength == 32 ? network.BaseAddress.ToString() : Cidr.Format(network);

    private bool Unknown(ReachRule rule, string kind, string id, string remedy)
    {
        _incomplete = true;
        _current.Findings.Add(new Finding(FindingCodes.UnknownResource, Severity.Error,
            $"the reach rule {rule.From.Name} -> {rule.Registry} names {kind} '{id}', which account {Account.AccountId} does not have",
            rule.From.Name, rule.Registry, Remedy: remedy));
        return false;
    }

    /// <summary>Pass 0: a VPC in the registry's own region is linked to the instance's VPC endpoint instead of routed.</summary>
    private void PlanLinks(ReachRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (rule.From.VpcId is not { } vpcId || _state.Vpc(vpcId) is not { } vpc || _state.Registry(rule.Registry) is not { } registry
                || vpc.Region != registry.Region || vpc.VSwitches.IsEmpty || _state.Endpoints(registry).Any(e => e.Endpoint.VpcId == vpc.Id))
            {
                continue;
            }

            var vswitch = vpc.VSwitches.MinBy(s => s.Id, StringComparer.Ordinal)!;
            _state.Footprint?.UsedEveryEndpoint();
            var used = Account.Registries.SelectMany(r => _state.Endpoints(r)).Select(e => e.Endpoint.Ip);
            _state.PlanLink(registry.InstanceId, new VpcEndpoint(vpc.Id, vswitch.Id, PlanProjection.LinkAddress(vswitch, used)));
            _links.Add(new LinkVpcEndpoint(registry.InstanceId, vpc.Id, vswitch.Id, registry.Region,
                $"{vpc.Id} pulls from {registry.InstanceId} in its own region {registry.Region}"));
        }
    }

    private void PlanSameRegion(Vpc vpc, Registry registry)
    {
        var name = EndpointNames.Registry(registry.InstanceName, registry.Region);
        var subject = new PathSubject(PathDirection.Forward, vpc.Id, registry.InstanceId, EndpointKind.Registry, name);
        var link = _state.Endpoints(registry).Where(e => e.Endpoint.VpcId == vpc.Id).Select(e => ((VpcEndpoint, bool)?)e).FirstOrDefault();
        if (link is not var (endpoint, planned))
        {
            _incomplete = true;
            _current.Paths.Add(PathTrace.Untraceable(subject, Cidr.Any, vpc.Id, Arrival.AtVpc(vpc.Id), PathOutcome.NotLinked));
            return;
        }

        if (planned)
        {
            _current.Findings.Add(new Finding(FindingCodes.LinkDnsRecords, Severity.Info,
                $"{vpc.Id} is in {registry.Region} like {registry.InstanceId}: it is linked to the instance's VPC endpoint, not routed; Container Registry creates the PrivateZone record {name} when the link is created",
                vpc.Id, registry.InstanceId));
        }
        else
        {
            _current.Dns.Add(new DnsRecord(name, endpoint.Ip, vpc.Id));
        }

        foreach (var table in StartTables(vpc))
        {
            var trace = Trace(TraceStart.FromVpc(vpc.Id, table), Cidr.Host(endpoint.Ip), Arrival.AtVpc(vpc.Id), subject);
            _current.Paths.Add(trace);
            if (!trace.Reached && _fix)
            {
                Report(Unfixable(trace, trace.Hops[^1], new SourceNetwork(vpc.Id, vpc, null), registry));
            }
        }
    }

    private void PlanAcrossRegions(SourceNetwork source, Registry registry)
    {
        var choice = ChooseEndpoint(registry);
        if (choice is not var (endpoint, pending))
        {
            _incomplete = true;
            _current.Findings.Add(new Finding(FindingCodes.RegistryNotLinked, Severity.Error,
                $"{registry.InstanceId} is not linked to any VPC, so it has no address {source.Describe} could reach",
                source.Name, registry.InstanceId,
                Remedy: $"link {registry.InstanceId} to a VPC in {registry.Region} that is attached to the transit router (Container Registry console: Access Control > VPC)"));
            return;
        }

        var registryVpc = _state.Vpc(endpoint.VpcId)!;
        var targets = RequiredEndpoints(source, registry, endpoint, pending, registryVpc);
        foreach (var target in targets.Where(t => !t.Blocked))
        {
            foreach (var name in target.Names)
            {
                _current.Dns.Add(new DnsRecord(name, target.Address, source.Name));
            }
        }

        if (source.DataCenter is { } dataCenter)
        {
            AdviseDataCenterRoutes(dataCenter, registry, targets);
        }

        var starts = Starts(source);
        var intended = _fix ? Intend(source, registry, registryVpc, starts) : null;
        foreach (var target in targets)
        {
            foreach (var destination in target.Destinations)
            {
                foreach (var (start, entryRouter) in starts)
                {
                    var path = target.Blocked || entryRouter is null ? null : intended?.GetValueOrDefault(entryRouter);
                    FixAndTrace(source, registry, registryVpc, target, destination, start, path);
                }
            }
        }

        TraceReturn(source, registry, registryVpc, endpoint, intended is { Count: > 0 } ? intended.Values.First() : null, starts.Count > 0);
    }

    /// <summary>The registry's address to reach: prefer an endpoint whose VPC is attached to a transit router; ties in listed order.</summary>
    private (VpcEndpoint Endpoint, bool Pending)? ChooseEndpoint(Registry registry)
    {
        (VpcEndpoint, bool)? first = null;
        foreach (var (endpoint, planned) in _state.Endpoints(registry))
        {
            if (_state.VpcAttachments(endpoint.VpcId).Count > 0)
            {
                return (endpoint, planned);
            }

            first ??= (endpoint, planned);
        }

        return first;
    }

    /// <summary>The distinct route tables of a VPC's vSwitches, by id.</summary>
    private static IEnumerable<string> StartTables(Vpc vpc) =>
        vpc.VSwitches.Select(s => s.RouteTableId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Where the source's traffic starts, and the router it enters (null when the VPC is not attached).</summary>
    private List<(TraceStart Start, string? EntryRouter)> Starts(SourceNetwork source)
    {
        if (source.Vpc is { } vpc)
        {
            var router = _state.VpcAttachments(vpc.Id) is { Count: > 0 } attachments ? attachments[0].Router.Id : null;
            return [.. StartTables(vpc).Select(table => (TraceStart.FromVpc(vpc.Id, table), router))];
        }

        return [.. _state.DataCenterAttachments(source.Name).Select(a => (TraceStart.FromAttachment(a.Router.Id, a.Attachment.Id), (string?)a.Router.Id))];
    }

    /// <summary>What planning one rule produced, and the look-ups it rests on.</summary>
    private sealed class RuleOutcome
    {
        public List<Finding> Findings { get; } = [];

        public List<DnsRecord> Dns { get; } = [];

        public List<PathTrace> Paths { get; } = [];

        public List<(string Table, IPNetwork Destination)> LookUps { get; } = [];

        public HashSet<(string?, IPNetwork?)> ConflictsReported { get; } = [];

        /// <summary>The route clock when the rule was done: later routes may change it.</summary>
        public long Stamp { get; set; }
    }
}
