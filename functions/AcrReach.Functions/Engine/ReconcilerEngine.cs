using System.Collections.Immutable;
using System.Text.Json;
using AcrReach.Cloud;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Rendering;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using CloudMode = AcrReach.Cloud.Reconciliation.ReconcileMode;
using CloudRequest = AcrReach.Cloud.Reconciliation.ReconcileRequest;

namespace AcrReach.Functions.Engine;

/// <summary>
/// The host's port over the real engine: maps scopes, modes and triggers onto <see cref="Reconciler"/>, and its reports
/// back. One <see cref="CloudClientFactory"/> for the process (it holds the HTTP connections and the rate limits); one
/// <see cref="Reconciler"/> per call, over that invocation's credentials (FC's <c>x-fc-*</c> headers, else the
/// environment's, else the default chain).
/// </summary>
public sealed class ReconcilerEngine : IReachEngine, IDisposable
{
    private readonly HostConfig _config;
    private readonly Lazy<CloudClientFactory> _factory;
    private readonly ReconcilerOptions _options;
    private readonly bool _ownsFactory;

    /// <param name="factory">The process's client (its endpoint decides where calls go and how names are looked up).</param>
    /// <param name="options">Run settings before the configuration's queue, regions, policy and PrivateZone are applied.</param>
    /// <param name="ownsFactory">Dispose <paramref name="factory"/> with this engine.</param>
    public ReconcilerEngine(HostConfig config, CloudClientFactory factory, ReconcilerOptions? options = null, bool ownsFactory = false)
        : this(config, new Lazy<CloudClientFactory>(factory ?? throw new ArgumentNullException(nameof(factory))), options, ownsFactory)
    {
    }

    private ReconcilerEngine(HostConfig config, Lazy<CloudClientFactory> factory, ReconcilerOptions? options, bool ownsFactory)
    {
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _factory = factory;
        _ownsFactory = ownsFactory;
        var policy = config.PolicyFile is { } path ? ScenarioReader.ReadPolicyFile(path) : PolicySettings.None;
        options ??= new ReconcilerOptions();
        _options = options with
        {
            Queue = config.Queue,
            Discovery = options.Discovery with { Regions = config.Regions, Policy = policy },
            Apply = options.Apply with { PrivateZone = config.PrivateZone },
        };
    }

    /// <summary>The engine as FC runs it: the real endpoints, or <see cref="HostConfig.Endpoint"/> (the local cloud).</summary>
    /// <exception cref="Core.InvalidInputException">The policy file cannot be read.</exception>
    public static ReconcilerEngine Create(HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var factory = new Lazy<CloudClientFactory>(() => new CloudClientFactory(new CloudOptions { Endpoint = config.Endpoint, Regions = config.Regions }));
        var engine = new ReconcilerEngine(config, factory, options: null, ownsFactory: true);

        // The client (HTTP handler, retry pipeline, rate limits) is built while Kestrel starts, not in the first invocation's time.
        _ = Task.Run(() => factory.Value);
        return engine;
    }

    public async Task<RunReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mode = request.Mode == ReconcileMode.Repair ? CloudMode.Repair : CloudMode.ReportOnly;
        var report = await ReconcilerFor(request.Invocation)
            .RunAsync(new CloudRequest(ScopeOf(request.Scope), TriggerName(request.Trigger, request.Invocation), mode, request.ReadyTimeout), cancellationToken);
        return RunReportOf(report);
    }

    public async Task<PlanPreview> PlanAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var planned = await ReconcilerFor(invocation).PlanAsync(ScopeOf(scope), cancellationToken);
        return Preview(planned.Plan);
    }

    public async Task<ApplyOutcome> ApplyAsync(string planId, ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var approved = await ReconcilerFor(invocation).ApplyPlanAsync(planId, ScopeOf(scope), TriggerName(TriggerKind.Chat, invocation), cancellationToken);
        return approved is { Applied: true, Report: { } report }
            ? ApplyOutcome.Done(Preview(approved.CurrentPlan), RunReportOf(report))
            : ApplyOutcome.Refused(Preview(approved.CurrentPlan));
    }

    public async Task<StatusReport> StatusAsync(InvocationContext invocation, CancellationToken cancellationToken)
    {
        var status = await ReconcilerFor(invocation).StatusAsync(cancellationToken);
        return new StatusReport([.. status.Rules.Select(r => new NetworkStatus(r.Source, r.Registry, r.Reachable, r.PendingActions, r.ErrorFindings))]);
    }

    public async Task<Explanation> ExplainAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var planned = await ReconcilerFor(invocation).PlanAsync(ScopeOf(scope), cancellationToken);
        if (scope is NetworkScope { Network: var network })
        {
            var sources = ReachRules.Effective(planned.Discovered.Account).Select(r => r.From.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!sources.Contains(network, StringComparer.Ordinal))
            {
                return new Explanation($"No reach rule starts at {network} (sources: {(sources.Count == 0 ? "none" : string.Join(", ", sources))}).");
            }
        }

        using var text = new StringWriter { NewLine = "\n" };
        ExplainText.Write(planned.Now, planned.Plan, text);
        return new Explanation(text.ToString());
    }

    public void Dispose()
    {
        if (_ownsFactory && _factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }

    /// <summary>A reconciler for one invocation: its credentials, its account and region (the queue lives in the function's region).</summary>
    private Reconciler ReconcilerFor(InvocationContext invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var region = invocation.Region ?? _config.Region;
        var options = _options with
        {
            QueueRegion = region ?? _options.QueueRegion,
            Discovery = _options.Discovery with
            {
                AccountId = invocation.AccountId ?? _config.AccountId ?? _options.Discovery.AccountId,
                HomeRegion = region ?? _options.Discovery.HomeRegion,
            },
        };
        var credentials = invocation.Credentials is { } given ? new StaticCredentialProvider(given, "invocation credentials") : null;
        return Reconciler.Create(_factory.Value, credentials, options);
    }

    internal static ReconcileScope ScopeOf(ReachScope scope) => scope switch
    {
        AccountScope => WholeAccount.Instance,
        RegionScope r => new RegionNetworks(r.Region),
        AttachmentScope a => new AttachmentNetwork(
            a.Kind switch
            {
                AttachmentKind.Vpc => AttachmentType.Vpc,
                AttachmentKind.Vbr => AttachmentType.Vbr,
                AttachmentKind.Vpn => AttachmentType.Vpn,
                _ => throw new ArgumentOutOfRangeException(nameof(scope), a.Kind, "unknown attachment kind"),
            },
            a.AttachmentId,
            a.NetworkId,
            a.TransitRouterId,
            a.Region),
        RegistryScope r => new RegistryNetworks(r.InstanceId, r.Region),
        NetworkScope n => new OneNetwork(n.Network, n.RegistryId),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown scope"),
    };

    /// <summary>What the notification names as the run's trigger: the function, and whether a person invoked it by hand.</summary>
    private static string TriggerName(TriggerKind trigger, InvocationContext invocation) => trigger switch
    {
        TriggerKind.AttachmentEvent => FunctionKind.OnAttachment.Name(),
        TriggerKind.RegistryEvent => FunctionKind.OnRegistry.Name(),
        TriggerKind.Timer => FunctionKind.Sweep.Name(),
        TriggerKind.Chat => FunctionKind.Chatops.Name(),
        _ => $"{invocation.Function}-manual",
    };

    private PlanPreview Preview(Plan plan)
    {
        using var text = new StringWriter { NewLine = "\n" };
        PlanText.Write(plan, text);

        // With PrivateZone on, a plan whose only work is DNS records still has something to apply.
        var work = plan.Actions.Length + (_options.Apply.PrivateZone ? plan.Dns.Length : 0);
        return new PlanPreview(plan.PlanId, plan.HasErrors, work, text.ToString());
    }

    internal static RunReport RunReportOf(ApplyReport report)
    {
        var findings = (report.Plan?.Findings ?? []).Concat(report.Notes)
            .Select(f => new FindingNote(f.Code, f.Severity.ToString().ToLowerInvariant(), f.Message))
            .ToImmutableArray();
        return new RunReport(
            report.RunId,
            report.PlanId,
            OutcomeOf(report.Outcome),
            report.Count(StepOutcome.Applied),
            report.Count(StepOutcome.AlreadyPresent),
            report.Count(StepOutcome.Failed),
            report.Count(StepOutcome.Skipped),
            findings,
            report.Verification?.Reachable,
            report.Notification?.MessageId,
            report.Error,
            report.Notification?.Error)
        {
            Details = Json(ReportJson.Serialize(report)),
        };
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static RunOutcome OutcomeOf(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.InSync => RunOutcome.InSync,
        ReconcileOutcome.Repaired => RunOutcome.Repaired,
        ReconcileOutcome.DriftReported => RunOutcome.DriftReported,
        ReconcileOutcome.PartiallyApplied => RunOutcome.PartiallyApplied,
        ReconcileOutcome.Blocked => RunOutcome.Blocked,
        ReconcileOutcome.NotReady => RunOutcome.NotReady,
        ReconcileOutcome.NotFound => RunOutcome.NotFound,

        // Cancelled (the invocation ended first) and Failed both leave work undone: FC delivers the event again.
        _ => RunOutcome.Failed,
    };
}
