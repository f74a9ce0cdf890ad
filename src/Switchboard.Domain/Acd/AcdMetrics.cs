using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Switchboard.Domain.Acd;

/// <summary>
/// The ACD's instruments (meter <c>Switchboard.Acd</c>), exported at <c>/metrics</c>: calls waiting per queue, agents
/// by what they are doing, offers by outcome and queue stays by outcome. Fed by <see cref="AcdDispatcher"/> with the
/// events it publishes, on its loop; the core knows nothing of them.
/// </summary>
public sealed class AcdMetrics
{
    public const string MeterName = "Switchboard.Acd";

    private const string OfferOutcome = "offer.outcome";

    private static readonly string[] StateNames = ["ready", "ringing", "busy", "wrapUp"];

    private readonly Counter<long> _offers;
    private readonly Counter<long> _stays;
    private readonly string[] _outcomeNames = [.. Enum.GetValues<CallOutcome>().Select(outcome => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()))];

    // What each agent is doing as the events told it, touched by the dispatcher's loop only; the counts per state
    // are read by the metrics collector from any thread.
    private readonly Dictionary<Guid, AgentLook> _agents = [];
    private readonly int[] _agentsIn = new int[StateNames.Length];

    public AcdMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _offers = Meter.CreateCounter<long>(
            "switchboard.acd.offers", unit: "{offer}",
            description: "Offers of a waiting call to an agent that ended, by outcome (offer.outcome: answered, refused, notAnswered, failed, cancelled).");
        _stays = Meter.CreateCounter<long>(
            "switchboard.acd.calls.left", unit: "{call}",
            description: "Stays in a queue that ended, by outcome (call.outcome: answered, abandoned, timedOut, refusedQueueFull, ...).");
        Meter.CreateObservableGauge("switchboard.acd.agents", AgentsByState, unit: "{agent}",
            description: "Agents by what they are doing (agent.state): ready (Ready, reachable, free), ringing, busy (on a call from a queue), wrapUp.");
    }

    public Meter Meter { get; }

    /// <summary>Reads the calls waiting in each queue whenever the metrics are collected; called once, by the dispatcher.</summary>
    internal void ObserveWaitingCalls(Func<IEnumerable<Measurement<int>>> waitingByQueue) =>
        Meter.CreateObservableGauge("switchboard.acd.calls.waiting", waitingByQueue, unit: "{call}",
            description: "Calls waiting in a queue (queue.id), ringing an agent or not.");

    /// <summary>Counts what the event tells; <paramref name="offerFailed"/>: the decision was on an offer that could not ring.</summary>
    internal void Record(in AcdDecision acdEvent, bool offerFailed)
    {
        if (acdEvent.StayOutcome is { } outcome)
            _stays.Add(1, new KeyValuePair<string, object?>("call.outcome", _outcomeNames[(int)outcome]));

        switch (acdEvent.Kind)
        {
            case AcdDecisionKind.OfferAnswered:
                _offers.Add(1, new KeyValuePair<string, object?>(OfferOutcome, "answered"));
                break;
            case AcdDecisionKind.OfferRefused:
                _offers.Add(1, new KeyValuePair<string, object?>(OfferOutcome, "refused"));
                break;
            case AcdDecisionKind.OfferNotAnswered:
                _offers.Add(1, new KeyValuePair<string, object?>(OfferOutcome, offerFailed ? "failed" : "notAnswered"));
                break;
            case AcdDecisionKind.OfferCancelled:
                _offers.Add(1, new KeyValuePair<string, object?>(OfferOutcome, "cancelled"));
                break;
            case AcdDecisionKind.AgentStatusChanged:
                Look(acdEvent.AgentId).Ready = (AgentStatus)acdEvent.Number == AgentStatus.Ready;
                Recount(acdEvent.AgentId);
                break;
            case AcdDecisionKind.AgentReachabilityChanged:
                Look(acdEvent.AgentId).Reachable = acdEvent.Flag;
                Recount(acdEvent.AgentId);
                break;
            case AcdDecisionKind.AgentActivityChanged:
                Look(acdEvent.AgentId).Activity = (AgentActivity)acdEvent.Code;
                Recount(acdEvent.AgentId);
                break;
        }
    }

    private ref AgentLook Look(Guid agentId) => ref CollectionsMarshal.GetValueRefOrAddDefault(_agents, agentId, out _);

    /// <summary>Moves the agent's count to the state their look now shows.</summary>
    private void Recount(Guid agentId)
    {
        ref var look = ref Look(agentId);
        var state = look.State;
        if (state == look.Counted)
            return;
        if (look.Counted is { } left)
            Interlocked.Decrement(ref _agentsIn[left]);
        if (state is { } entered)
            Interlocked.Increment(ref _agentsIn[entered]);
        look.Counted = state;
    }

    private IEnumerable<Measurement<int>> AgentsByState()
    {
        for (var state = 0; state < StateNames.Length; state++)
            yield return new Measurement<int>(Volatile.Read(ref _agentsIn[state]), new KeyValuePair<string, object?>("agent.state", StateNames[state]));
    }

    private struct AgentLook
    {
        /// <summary>Status Ready (an agent starts Not available).</summary>
        public bool Ready;
        public bool Reachable;
        public AgentActivity Activity;

        /// <summary>The state the agent is counted in now.</summary>
        public int? Counted;

        /// <summary>The index of the agent's state among <see cref="StateNames"/>; null for an agent who is none of them.</summary>
        public readonly int? State => Activity switch
        {
            AgentActivity.Offered => 1,
            AgentActivity.OnCall => 2,
            AgentActivity.WrapUp => 3,
            _ => Ready && Reachable ? 0 : null,
        };
    }
}
