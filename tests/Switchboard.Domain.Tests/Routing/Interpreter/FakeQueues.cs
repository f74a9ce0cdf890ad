using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

/// <summary>Queues as configured and as the ACD would answer, recording each wait into the shared log.</summary>
public sealed class FakeQueues(List<string> log) : IQueueDirectory, IQueueState
{
    public Dictionary<Guid, RoutingQueue> Configured { get; } = [];

    /// <summary>How the ACD ends each queue's wait; a queue not listed times out after a minute.</summary>
    public Dictionary<Guid, QueueWaitResult> Results { get; } = [];

    public Dictionary<Guid, int> ReadyAgents { get; } = [];

    public Dictionary<Guid, int> WaitingCalls { get; } = [];

    /// <summary>A queue not listed has nothing to estimate from.</summary>
    public Dictionary<Guid, TimeSpan> EstimatedWaits { get; } = [];

    /// <summary>Calls wait in this queue until the caller hangs up.</summary>
    public Guid? EndlessQueueId { get; set; }

    /// <summary>What the agents offered the call were shown, per wait.</summary>
    public List<IReadOnlyList<CallVariable>> VariablesShownToAgents { get; } = [];

    public RoutingQueue? Find(Guid queueId) => Configured.GetValueOrDefault(queueId);

    public int ReadyAgentCount(Guid queueId) => ReadyAgents.GetValueOrDefault(queueId);

    public int WaitingCallCount(Guid queueId) => WaitingCalls.GetValueOrDefault(queueId);

    public TimeSpan? EstimatedWait(Guid queueId) => EstimatedWaits.TryGetValue(queueId, out var estimate) ? estimate : null;

    /// <summary>The call's wait in a queue, as the call's control hands it to the ACD.</summary>
    public async Task<QueueWaitResult> WaitInQueueAsync(
        Guid queueId, int priority, int? maxWaitSeconds, bool musicOnHold, IReadOnlyCallVariables variables, CancellationToken cancellationToken)
    {
        log.Add($"queue {Configured[queueId].Name} priority {priority} max wait {maxWaitSeconds?.ToString() ?? "of the queue"}{(musicOnHold ? " with music" : "")}");
        VariablesShownToAgents.Add(variables.Snapshot());
        if (queueId == EndlessQueueId)
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);

        return Results.GetValueOrDefault(queueId, new LeftQueueUnanswered(QueueLeaveReason.TimedOut, TimeSpan.FromMinutes(1)));
    }
}
