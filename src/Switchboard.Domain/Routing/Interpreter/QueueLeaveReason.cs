namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Why a call left a queue without an agent.</summary>
public enum QueueLeaveReason
{
    TimedOut,
    /// <summary>Refused on arrival: the queue held its maximum of waiting calls.</summary>
    QueueFull,
    /// <summary>Refused on arrival: no agent was Ready.</summary>
    NoReadyAgent,
    /// <summary>Refused on arrival: no such queue.</summary>
    UnknownQueue,
    /// <summary>The queue was removed while the call waited.</summary>
    QueueRemoved,
}
