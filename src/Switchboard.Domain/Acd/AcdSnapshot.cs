namespace Switchboard.Domain.Acd;

/// <summary>The ACD's live state at one moment, for conditions, supervision and the workspace.</summary>
public sealed record AcdSnapshot(DateTimeOffset At, IReadOnlyList<QueueSnapshot> Queues, IReadOnlyList<AgentSnapshot> Agents)
{
    public QueueSnapshot? Queue(Guid queueId) => Queues.FirstOrDefault(queue => queue.QueueId == queueId);

    public AgentSnapshot? Agent(Guid agentId) => Agents.FirstOrDefault(agent => agent.AgentId == agentId);

    /// <summary>The call while it waits in a queue; null once it left.</summary>
    public WaitingCallSnapshot? WaitingCall(Guid callId) =>
        Queues.SelectMany(queue => queue.WaitingCalls).FirstOrDefault(call => call.CallId == callId);
}
