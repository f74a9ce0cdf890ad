using Switchboard.Server.AcdHosting;
using Switchboard.Server.Events;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// Turns telephony's events about the calls that ring or connect a user into messages on the events socket
/// (<c>callRinging</c>, <c>ringingStopped</c>, <c>callConnected</c>, <c>callHeld</c>, <c>callLeft</c>, <c>callFinished</c>), so that the
/// user's workspace rings and follows the call. Called on the call's own flow: it only builds the message and hands
/// it to the stream, which never waits.
/// </summary>
public sealed class CallEventRouter(AcdEventStream stream, QueueMemberships queues, TimeProvider timeProvider) : ICallObserver
{
    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is CallFinished { Summary: var summary })
        {
            // Each user who talked on it learns that the call is over and recorded (their desk lists it).
            foreach (var agentId in summary.Agents.Select(agent => agent.UserId).Distinct())
                stream.Publish(new CallFinishedMessage(summary.EndedAt, summary.CallId, agentId, summary.Result));
        }
        else if (MessageOf(callEvent) is { } message)
        {
            stream.Publish(message);
        }
    }

    private EventMessage? MessageOf(CallEvent callEvent) => callEvent switch
    {
        UserRinging ringing => new CallRingingMessage(
            timeProvider.GetUtcNow(),
            ringing.CallId,
            ringing.UserId,
            ringing.QueueId,
            ringing.OfferId,
            ringing.CallerNumber,
            ringing.CallerName,
            ringing.QueueId is { } queueId ? queues.NameOf(queueId) : null,
            (long)Math.Ceiling(ringing.RingTimeout.TotalSeconds),
            ringing.WaitingSince,
            ringing.Webphone),
        UserRingingStopped stopped => new RingingStoppedMessage(timeProvider.GetUtcNow(), stopped.CallId, stopped.UserId, stopped.Reason),
        UserConnected connected => new CallConnectedMessage(connected.At, connected.CallId, connected.UserId),
        UserCallHeld held => new CallHeldMessage(timeProvider.GetUtcNow(), held.CallId, held.UserId, held.Held),
        UserLeftCall left => new CallLeftMessage(timeProvider.GetUtcNow(), left.CallId, left.UserId, left.Reason),
        _ => null,
    };
}
