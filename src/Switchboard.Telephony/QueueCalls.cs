using Switchboard.Domain.Acd;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony;

/// <summary>
/// The ACD's hold on live calls: music on hold while a call waits in a queue, and the ACD's commands (ring an agent,
/// stop ringing, connect, leave the queue) handed to the call's own mailbox, which carries them out in order.
/// </summary>
public sealed class QueueCalls
{
    private readonly BackToBackUserAgent _telephony;

    internal QueueCalls(BackToBackUserAgent telephony) => _telephony = telephony;

    /// <summary>
    /// Hands <paramref name="command"/> to its call without waiting; false when telephony has no such live call
    /// (it ended meanwhile, or the call never was a SIP call).
    /// </summary>
    public bool Carry(AcdCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (callId, message) = command switch
        {
            OfferCall offer => (offer.CallId, (CallMessage)new OfferRequested(offer)),
            CancelOffer cancel => (cancel.CallId, new OfferWithdrawn(cancel.OfferId, cancel.Reason)),
            ConnectCall connect => (connect.CallId, new ConnectRequested(connect)),
            LeaveQueue leave => (leave.CallId, new HoldMusicStopRequested(null)),
            _ => (Guid.Empty, null),
        };
        return message is not null && _telephony.FindLive(callId) is { } call && call.Post(message);
    }

    /// <summary>Starts the queue's music on hold (or the built-in one), looped, on a call that is already answered.</summary>
    public async Task HoldAsync(Guid callId, Guid queueId, CancellationToken cancellationToken)
    {
        if (_telephony.FindLive(callId) is not { } call)
            return;
        var music = await _telephony.Directory.FindQueueMusicAsync(queueId, cancellationToken).ConfigureAwait(false) ?? DefaultHoldMusic.Sound;
        await call.AskAsync(done => new HoldMusicRequested(queueId, music, done), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the music on hold, when the call left its queue unanswered and the scenario goes on.</summary>
    public async Task ReleaseHoldAsync(Guid callId, CancellationToken cancellationToken)
    {
        if (_telephony.FindLive(callId) is not { } call)
            return;
        await call.AskAsync(done => new HoldMusicStopRequested(done), cancellationToken).ConfigureAwait(false);
    }
}
