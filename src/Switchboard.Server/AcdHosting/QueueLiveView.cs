using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>A queue as supervision and its member agents see it now.</summary>
/// <param name="WaitingCalls">In the order they will be served.</param>
/// <param name="Agents">The queue's members, by level and position.</param>
public sealed record QueueLiveView(
    Guid Id,
    string Name,
    QueueStrategy Strategy,
    IReadOnlyList<WaitingCallView> WaitingCalls,
    IReadOnlyList<QueueAgentView> Agents,
    QueueCounts Counts);
