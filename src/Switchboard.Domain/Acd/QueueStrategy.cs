namespace Switchboard.Domain.Acd;

/// <summary>How a distribution queue picks the agent to offer a waiting call to.</summary>
public enum QueueStrategy
{
    /// <summary>The agent idle the longest since their last call.</summary>
    LongestIdle,
    /// <summary>Agents in turn, continuing after the last one offered.</summary>
    RoundRobin,
    /// <summary>Every available agent at once; the first to accept wins.</summary>
    RingAll,
    /// <summary>The agent who answered the fewest calls today.</summary>
    FewestCalls,
    /// <summary>The agent with the least talk time today.</summary>
    LeastTalkTime,
    /// <summary>Always from the first position down.</summary>
    TopDown,
    Random,
}
