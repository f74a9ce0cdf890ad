using System.Diagnostics;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.Acd;

/// <summary>
/// Puts a scenario's call in a queue of the ACD and waits for the end of its stay: answered by an agent, or left
/// unanswered for a reason the scenario falls through on. The caller hanging up tells the ACD the call ended.
/// </summary>
public sealed class AcdQueueGateway(AcdDispatcher dispatcher, QueueStays stays) : IQueueGateway
{
    public async Task<QueueWaitResult> WaitInQueueAsync(
        Guid callId,
        IReadOnlyCallVariables variables,
        Guid queueId,
        int priority,
        int? maxWaitSeconds,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stay = stays.Begin(callId, variables);
        if (!dispatcher.Post(new CallArrived(callId, queueId, priority, maxWaitSeconds)))
        {
            stays.Forget(callId);
            throw new InvalidOperationException("The ACD has stopped; no call can wait in a queue.");
        }

        CallLeftQueue left;
        try
        {
            left = await stay.Left.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stays.Forget(callId);
            dispatcher.Post(new CallEnded(callId));
            throw;
        }

        return left switch
        {
            OfferAnswered answered => new AnsweredInQueue(answered.AgentId, answered.Waited),
            CallTimedOut timedOut => new LeftQueueUnanswered(QueueLeaveReason.TimedOut, timedOut.Waited),
            CallRefused refused => new LeftQueueUnanswered(ReasonOf(refused.Reason), refused.Waited),
            CallWithdrawn withdrawn => new LeftQueueUnanswered(QueueLeaveReason.QueueRemoved, withdrawn.Waited),
            // Someone else reported the hang-up first; for the scenario it is the same as its own cancellation.
            CallAbandoned => throw new OperationCanceledException("The caller hung up while waiting in the queue."),
            _ => throw new UnreachableException($"No queue result for {left.GetType().Name}."),
        };
    }

    private static QueueLeaveReason ReasonOf(RefusalReason reason) => reason switch
    {
        RefusalReason.QueueFull => QueueLeaveReason.QueueFull,
        RefusalReason.NoReadyAgent => QueueLeaveReason.NoReadyAgent,
        RefusalReason.UnknownQueue => QueueLeaveReason.UnknownQueue,
        _ => throw new UnreachableException($"No leave reason for {reason}."),
    };
}
