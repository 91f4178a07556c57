using AcrReach.Cloud.Credentials;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// The engine over a cloud: one <see cref="CloudClientFactory"/> for the process (it holds the HTTP connections and the
/// rate limits), one <see cref="Reconciler"/> per call over that call's <see cref="RunContext"/>.
/// </summary>
public sealed class ReachEngine : IReachEngine, IDisposable
{
    private readonly Lazy<CloudClientFactory> _factory;
    private readonly ReconcilerOptions _options;
    private readonly bool _ownsFactory;
    private readonly HttpClient? _lookupHttp;

    /// <param name="factory">Where calls go and on which default credentials (its endpoint also decides how names are looked up).</param>
    /// <param name="options">How runs are done: discovery's regions and policy, apply settings, the queue.</param>
    /// <param name="ownsFactory">Dispose <paramref name="factory"/> with this engine.</param>
    /// <param name="lookupHttp">The client endpoint names are looked up with; null: a shared one.</param>
    public ReachEngine(CloudClientFactory factory, ReconcilerOptions? options = null, bool ownsFactory = false, HttpClient? lookupHttp = null)
        : this(new Lazy<CloudClientFactory>(factory ?? throw new ArgumentNullException(nameof(factory))), options, ownsFactory, lookupHttp)
    {
    }

    private ReachEngine(Lazy<CloudClientFactory> factory, ReconcilerOptions? options, bool ownsFactory, HttpClient? lookupHttp)
    {
        _factory = factory;
        _options = options ?? new ReconcilerOptions();
        _ownsFactory = ownsFactory;
        _lookupHttp = lookupHttp;
    }

    /// <summary>
    /// An engine whose client is built in the background (the function host: the HTTP handler, retry pipeline and rate
    /// limits are ready while Kestrel starts, not in the first invocation's time). Owns the client.
    /// </summary>
    public static ReachEngine StartBuilding(CloudOptions cloud, ReconcilerOptions options)
    {
        var factory = new Lazy<CloudClientFactory>(() => new CloudClientFactory(cloud));
        _ = Task.Run(() => factory.Value);
        return new ReachEngine(factory, options, ownsFactory: true, lookupHttp: null);
    }

    public ReconcilerOptions Options => _options;

    public Task<ApplyReport> ReconcileAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken) =>
        ReconcilerFor(context).RunAsync(request, context.TimeLimit, cancellationToken);

    public Task<PlannedScope> PlanAsync(ReconcileScope scope, RunContext context, CancellationToken cancellationToken) =>
        ReconcilerFor(context).PlanAsync(scope, cancellationToken);

    public Task<PlannedScope> PlanAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken) =>
        ReconcilerFor(context).PlanAsync(request, cancellationToken);

    public Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, RunContext context, CancellationToken cancellationToken) =>
        ReconcilerFor(context).ApplyPlanAsync(planId, request, context.TimeLimit, cancellationToken);

    public Task<AccountStatus> StatusAsync(RunContext context, CancellationToken cancellationToken) =>
        ReconcilerFor(context).StatusAsync(cancellationToken);

    public Task<SweepFanOutReport> FanOutSweepAsync(SweepFanOutRequest request, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = _factory.Value;
        var options = OptionsFor(context);
        var dispatcher = new SweepDispatcher(factory.Create(context.Credentials), Reconciler.LookupFor(factory, _lookupHttp), options, factory.Time);
        return dispatcher.FanOutAsync(request, options.Discovery.AccountId ?? "unknown", options.QueueRegion ?? options.Discovery.HomeRegion, cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsFactory && _factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }

    /// <summary>A reconciler for one call: its credentials, its account, and its region (the queue lives in the function's region).</summary>
    private Reconciler ReconcilerFor(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Reconciler.Create(_factory.Value, context.Credentials, OptionsFor(context), _lookupHttp);
    }

    private ReconcilerOptions OptionsFor(RunContext context) =>
        _options with
        {
            QueueRegion = _options.QueueRegion ?? context.Region,
            Discovery = _options.Discovery with
            {
                AccountId = context.AccountId ?? _options.Discovery.AccountId,
                HomeRegion = context.Region ?? _options.Discovery.HomeRegion,
            },
        };
}
