using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.Acd;

/// <summary>Live queue figures for routing conditions, read from the ACD's latest state without waiting for it.</summary>
public sealed class AcdQueueState(AcdDispatcher dispatcher) : IQueueState
{
    public int ReadyAgentCount(Guid queueId) => dispatcher.LatestSnapshot.Queue(queueId)?.ReadyAgents ?? 0;

    public int WaitingCallCount(Guid queueId) => dispatcher.LatestSnapshot.Queue(queueId)?.WaitingCalls.Count ?? 0;

    public TimeSpan? EstimatedWait(Guid queueId) => dispatcher.LatestSnapshot.Queue(queueId)?.EstimatedWaitOfNextCall;
}
