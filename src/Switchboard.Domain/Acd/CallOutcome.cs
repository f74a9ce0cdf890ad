namespace Switchboard.Domain.Acd;

/// <summary>How a call's stay in a queue ended. Every call that arrives at a queue ends with exactly one.</summary>
public enum CallOutcome
{
    /// <summary>An agent accepted it; the call leaves the scenario.</summary>
    Answered,
    /// <summary>The caller hung up while waiting or ringing.</summary>
    Abandoned,
    /// <summary>The maximum wait passed; the scenario falls through to its next action.</summary>
    TimedOut,
    /// <summary>Refused on arrival: the queue already held its maximum number of waiting calls.</summary>
    RefusedQueueFull,
    /// <summary>Refused on arrival: the caller asked for an agent in status Ready and none was.</summary>
    RefusedNoReadyAgent,
    /// <summary>Refused on arrival: no such queue is configured.</summary>
    RefusedUnknownQueue,
    /// <summary>The queue was removed while the call waited; the scenario falls through.</summary>
    QueueRemoved,
}
