using System.Text.Json;
using Switchboard.Server.AcdHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// Turns telephony's events about the calls that ring or connect a user into messages on the events socket
/// (<c>callRinging</c>, <c>ringingStopped</c>, <c>callConnected</c>, <c>callHeld</c>, <c>callLeft</c>), so that the
/// user's workspace rings and follows the call. Called on the call's own flow: it only builds the message and hands
/// it to the stream, which never waits.
/// </summary>
public sealed class CallEventRouter(AcdEventStream stream, QueueMemberships queues, TimeProvider timeProvider) : ICallObserver
{
    public void OnCallEvent(CallEvent callEvent)
    {
        if (MessageOf(callEvent) is { } message)
            stream.Publish(message);
    }

    private AcdEventMessage? MessageOf(CallEvent callEvent) => callEvent switch
    {
        UserRinging ringing => RingingMessage(ringing),
        UserRingingStopped stopped => new AcdEventMessage("ringingStopped", timeProvider.GetUtcNow())
        {
            CallId = stopped.CallId,
            AgentId = stopped.UserId,
            Detail = { ["reason"] = NameOf(stopped.Reason) },
        },
        UserConnected connected => new AcdEventMessage("callConnected", connected.At) { CallId = connected.CallId, AgentId = connected.UserId },
        UserCallHeld held => new AcdEventMessage("callHeld", timeProvider.GetUtcNow())
        {
            CallId = held.CallId,
            AgentId = held.UserId,
            Detail = { ["held"] = held.Held },
        },
        UserLeftCall left => new AcdEventMessage("callLeft", timeProvider.GetUtcNow())
        {
            CallId = left.CallId,
            AgentId = left.UserId,
            Detail = { ["reason"] = NameOf(left.Reason) },
        },
        _ => null,
    };

    private AcdEventMessage RingingMessage(UserRinging ringing)
    {
        var message = new AcdEventMessage("callRinging", timeProvider.GetUtcNow())
        {
            CallId = ringing.CallId,
            AgentId = ringing.UserId,
            QueueId = ringing.QueueId,
            OfferId = ringing.OfferId,
            Detail =
            {
                ["ringSeconds"] = (long)Math.Ceiling(ringing.RingTimeout.TotalSeconds),
                ["webphone"] = ringing.Webphone,
            },
        };
        // Unknown facts are left out, as the message's own fields are.
        if (ringing.CallerNumber is { } number)
            message.Detail["callerNumber"] = number;
        if (ringing.CallerName is { } name)
            message.Detail["callerName"] = name;
        if (ringing.QueueId is { } queueId && queues.NameOf(queueId) is { } queueName)
            message.Detail["queueName"] = queueName;
        if (ringing.WaitingSince is { } waitingSince)
            message.Detail["waitingSince"] = waitingSince;
        return message;
    }

    private static string NameOf<TReason>(TReason reason) where TReason : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());
}
