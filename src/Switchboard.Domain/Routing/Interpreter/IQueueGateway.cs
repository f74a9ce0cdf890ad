namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Puts a call in a distribution queue and reports how its stay ended; implemented by the ACD.</summary>
public interface IQueueGateway
{
    /// <summary>
    /// Returns when an agent answered the call, or when it left the queue unanswered. The caller hanging up
    /// cancels <paramref name="cancellationToken"/>; the wait then ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="callId">The call.</param>
    /// <param name="variables">Shown to the agent the call is offered to.</param>
    /// <param name="queueId">The queue.</param>
    /// <param name="priority">Higher is served first within the queue.</param>
    /// <param name="maxWaitSeconds">This action's limit, or null for the queue's own.</param>
    /// <param name="cancellationToken">Fires when the caller hangs up.</param>
    Task<QueueWaitResult> WaitInQueueAsync(
        Guid callId,
        IReadOnlyCallVariables variables,
        Guid queueId,
        int priority,
        int? maxWaitSeconds,
        CancellationToken cancellationToken);
}
