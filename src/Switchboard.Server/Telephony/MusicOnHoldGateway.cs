using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Routing's way into a queue for real calls: the music on hold starts before the call joins the ACD's queue (so
/// that no ACD command can overtake it in the call's mailbox), and stops when the call leaves unanswered, before
/// the scenario's next action. An answered call's music stops when it is connected.
/// </summary>
/// <param name="acd">The ACD's gateway, which decides the stay.</param>
/// <param name="telephony">Resolved on first use: the user agent itself runs the interpreter that uses this gateway.</param>
public sealed class MusicOnHoldGateway(IQueueGateway acd, Lazy<BackToBackUserAgent> telephony) : IQueueGateway
{
    public async Task<QueueWaitResult> WaitInQueueAsync(
        Guid callId,
        IReadOnlyCallVariables variables,
        Guid queueId,
        int priority,
        int? maxWaitSeconds,
        CancellationToken cancellationToken)
    {
        var queues = telephony.Value.Queues;
        await queues.HoldAsync(callId, queueId, cancellationToken).ConfigureAwait(false);
        var result = await acd.WaitInQueueAsync(callId, variables, queueId, priority, maxWaitSeconds, cancellationToken).ConfigureAwait(false);
        if (result is LeftQueueUnanswered)
            await queues.ReleaseHoldAsync(callId, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
