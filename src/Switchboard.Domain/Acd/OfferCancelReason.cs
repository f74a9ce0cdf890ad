namespace Switchboard.Domain.Acd;

/// <summary>Why the ACD withdrew an offer that was ringing.</summary>
public enum OfferCancelReason
{
    /// <summary>The ring timeout passed; the offer counts as not answered.</summary>
    NoAnswer,
    /// <summary>Another agent accepted the same call first (ring-all).</summary>
    AnsweredElsewhere,
    /// <summary>The caller hung up.</summary>
    CallerHungUp,
    /// <summary>The call reached its maximum wait and left the queue.</summary>
    CallTimedOut,
    /// <summary>The queue was removed from the configuration.</summary>
    QueueRemoved,
    /// <summary>The agent left status Ready.</summary>
    AgentNotReady,
    /// <summary>The agent's webphone page or device disconnected.</summary>
    AgentUnreachable,
}
