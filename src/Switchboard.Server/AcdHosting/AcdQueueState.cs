using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.AcdHosting;

/// <summary>Live queue figures for routing conditions, read from the ACD's live counters without waiting for it.</summary>
public sealed class AcdQueueState(AcdDispatcher dispatcher, TimeProvider time) : IQueueState
{
    public int ReadyAgentCount(Guid queueId) => dispatcher.Counters(queueId)?.ReadyAgents ?? 0;

    public int WaitingCallCount(Guid queueId) => dispatcher.Counters(queueId)?.WaitingCalls ?? 0;

    public TimeSpan? EstimatedWait(Guid queueId) => dispatcher.Counters(queueId)?.EstimatedWaitOfNextCall(time.GetUtcNow());
}
