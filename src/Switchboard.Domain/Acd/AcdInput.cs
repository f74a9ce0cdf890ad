namespace Switchboard.Domain.Acd;

/// <summary>
/// Something the ACD is told. Inputs are facts reported by the configuration, the telephony layer, the agent's
/// workspace, or the dispatcher's own timers; the ACD decides what follows. An input that refers to an offer,
/// a call or a timer that has already ended is ignored, which is what makes late answers and timers harmless.
/// </summary>
public abstract record AcdInput;

/// <summary>
/// A queue was created or its settings changed. Waiting calls, ringing offers and agents' live state are kept;
/// the new settings apply to decisions from now on (offers already ringing keep their ring timeout, waiting
/// calls keep their maximum wait, removed members finish what rings for them).
/// </summary>
public sealed record QueueConfigured : AcdInput
{
    /// <param name="queue">Copied at once: later edits of the object do not reach the ACD.</param>
    public QueueConfigured(DistributionQueue queue) => Settings = QueueSettings.From(queue);

    public QueueSettings Settings { get; }
}

/// <summary>A queue was deleted. Its waiting calls leave with <see cref="CallOutcome.QueueRemoved"/>.</summary>
public sealed record QueueRemoved(Guid QueueId) : AcdInput;

/// <summary>
/// A scenario sent a call to a queue.
/// </summary>
/// <param name="Priority">Higher is served first.</param>
/// <param name="MaxWaitSeconds">Overrides the queue's maximum wait when set; 0 = no limit.</param>
/// <param name="RefuseWhenNoReadyAgent">Refuse the call at once when no member is Ready and reachable.</param>
/// <param name="Kind">What waits: a call (the only kind telephony sends today); a chat or an outbound member later.</param>
public sealed record CallArrived(
    Guid CallId,
    Guid QueueId,
    int Priority = 0,
    int? MaxWaitSeconds = null,
    bool RefuseWhenNoReadyAgent = false,
    WorkKind Kind = WorkKind.Call)
    : AcdInput;

/// <summary>
/// The call is over for the ACD: while waiting or ringing this means the caller hung up (abandoned); once
/// answered it means the agent's conversation ended (wrap-up starts). Telephony need not know which.
/// </summary>
public sealed record CallEnded(Guid CallId) : AcdInput;

/// <summary>The agent pressed Accept (or picked up the device) for this offer.</summary>
public sealed record AgentAcceptedOffer(OfferId OfferId) : AcdInput;

/// <summary>The agent pressed Refuse (or the device declined) for this offer.</summary>
public sealed record AgentRefusedOffer(OfferId OfferId) : AcdInput;

/// <summary>The offer could not ring (device busy or unreachable); counted like an unanswered offer.</summary>
public sealed record OfferFailed(OfferId OfferId) : AcdInput;

/// <summary>The agent (or a supervisor) chose a status.</summary>
public sealed record SetAgentStatus(Guid AgentId, AgentStatus Status) : AcdInput;

/// <summary>The agent's webphone page or SIP device connected or went away.</summary>
public sealed record SetAgentReachable(Guid AgentId, bool Reachable) : AcdInput;

/// <summary>
/// The agent talks (or stopped talking) on a call the ACD did not give them: a direct call or a transfer. While busy
/// elsewhere they take no offers.
/// </summary>
public sealed record SetAgentBusyElsewhere(Guid AgentId, bool Busy) : AcdInput;

/// <summary>How many items of this kind the agent works on at once from now on (0: none of this kind).</summary>
public sealed record SetAgentCapacity(Guid AgentId, WorkKind Kind, int Capacity) : AcdInput;

/// <summary>An input the ACD asked to receive at a given time (see <see cref="ScheduleTimer"/>).</summary>
public abstract record AcdTimerInput : AcdInput;

/// <summary>The offer rang for the queue's ring timeout.</summary>
public sealed record RingTimeoutElapsed(OfferId OfferId) : AcdTimerInput;

/// <summary>The call's maximum wait passed. <paramref name="Entry"/> tells this stay in a queue from a later one.</summary>
public sealed record MaxWaitElapsed(Guid CallId, long Entry) : AcdTimerInput;

/// <summary>The agent's wrap-up or pause ended. <paramref name="Generation"/> tells this pause from a later one.</summary>
public sealed record AgentPauseElapsed(Guid AgentId, long Generation) : AcdTimerInput;
