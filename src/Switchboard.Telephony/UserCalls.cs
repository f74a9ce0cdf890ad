using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony;

/// <summary>
/// What a user does to the calls that ring them or that they talk on, from their workspace: accept on the webphone,
/// refuse, hang up, hold, send digits, transfer. Each request goes to the call's mailbox and is answered once the
/// call has carried it out; false (or <see cref="WebphoneAcceptStatus.NotRinging"/>) when the call is gone or is
/// not this user's to act on.
/// </summary>
public sealed class UserCalls
{
    private readonly BackToBackUserAgent _telephony;

    internal UserCalls(BackToBackUserAgent telephony) => _telephony = telephony;

    /// <summary>Answers the call ringing the user's webphone with the browser's SDP offer.</summary>
    public async Task<WebphoneAcceptOutcome> AcceptAsync(Guid callId, Guid userId, string sdpOffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sdpOffer);
        return await AskAsync(callId, (call, token) => call.AskAsync<WebphoneAcceptOutcome>(done => new WebphoneAcceptRequested(userId, sdpOffer, done), token), new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotRinging),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A new browser session of the user's connected webphone (their page reloaded): its SDP offer is answered on the
    /// same media, with new ICE credentials and a new DTLS association, so that the caller and the bridge stay as they are.
    /// </summary>
    public async Task<WebphoneAcceptOutcome> ReconnectWebphoneAsync(Guid callId, Guid userId, string sdpOffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sdpOffer);
        return await AskAsync(callId, (call, token) => call.AskAsync<WebphoneAcceptOutcome>(done => new WebphoneReconnectRequested(userId, sdpOffer, done), token), new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotConnected),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses the call ringing the user: an ACD offer goes straight on to the next agent.</summary>
    public Task<bool> RefuseAsync(Guid callId, Guid userId, CancellationToken cancellationToken) =>
        AskCoreAsync(callId, request => new RefuseAsked(request, userId), cancellationToken);

    /// <summary>Ends the user's part of the call: the conversation ends, or their ringing if they had not answered.</summary>
    public Task<bool> HangUpAsync(Guid callId, Guid userId, CancellationToken cancellationToken) =>
        AskCoreAsync(callId, request => new UserHangupAsked(request, userId), cancellationToken);

    /// <summary>Holds the caller (they hear the music on hold) or takes them back.</summary>
    public async Task<bool> SetHoldAsync(Guid callId, Guid userId, bool held, CancellationToken cancellationToken)
    {
        if (_telephony.FindLive(callId) is not { } call)
            return false;
        // The caller hears the music of the queue the call came through, else the built-in one.
        var music = call.View.QueueId is { } queueId ? _telephony.Directory.FindQueueMusic(queueId) : null;
        return await AskCoreAsync(callId, request => new HoldAsked(request, userId, held, music ?? BuiltInSounds.HoldMusic), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="digits"/> (0-9, *, #, A-D) to the caller as RFC 4733 telephone events.</summary>
    public Task<bool> SendDigitsAsync(Guid callId, Guid userId, string digits, CancellationToken cancellationToken) =>
        AskCoreAsync(callId, request => new DigitsAsked(request, userId, digits), cancellationToken);

    /// <summary>
    /// A blind transfer: the user leaves the call and it goes on to <paramref name="target"/>. A target that cannot
    /// be reached (a user without a phone, a number without a trunk) is refused and the user stays on the call.
    /// </summary>
    public async Task<TransferOutcome> TransferAsync(Guid callId, Guid userId, TransferTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_telephony.FindLive(callId) is not { } call || !call.View.Users.Contains(userId))
            return TransferOutcome.NoSuchCall;
        if (await TransferResolver.ResolveAsync(_telephony, target, cancellationToken).ConfigureAwait(false) is not { } resolved)
            return TransferOutcome.TargetUnreachable;
        var done = await AskCoreAsync(callId, request => new TransferAsked(request, userId, resolved), cancellationToken).ConfigureAwait(false);
        return done ? TransferOutcome.Transferred : TransferOutcome.NoSuchCall;
    }

    /// <summary>A request the call's core answers: true when it was carried out, false when it did not apply to the user.</summary>
    private Task<bool> AskCoreAsync(Guid callId, Func<RequestId, CallInput> input, CancellationToken cancellationToken) =>
        AskAsync(callId, (call, token) => call.AskAsync<bool>(input, token), false, cancellationToken);

    private async Task<T> AskAsync<T>(Guid callId, Func<Call, CancellationToken, Task<T>> ask, T gone, CancellationToken cancellationToken)
    {
        if (_telephony.FindLive(callId) is not { } call)
            return gone;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Ending);
        try
        {
            return await ask(call, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call ended before it got to the request.
            return gone;
        }
    }
}
