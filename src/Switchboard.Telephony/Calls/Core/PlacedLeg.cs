using Switchboard.Domain.Acd;

namespace Switchboard.Telephony.Calls.Core;

/// <summary>What the call core knows of a leg it placed: why, to whom, and where it is now.</summary>
internal sealed class PlacedLeg(LegId id, LegPurpose purpose, Guid? userId, OfferId? offerId, bool webphone, RequestId? request)
{
    public LegId Id { get; } = id;

    public LegPurpose Purpose { get; } = purpose;

    /// <summary>The user rung; null for a forward.</summary>
    public Guid? UserId { get; } = userId;

    /// <summary>The ACD's offer this leg rings for; null unless <see cref="Purpose"/> is an offer.</summary>
    public OfferId? OfferId { get; } = offerId;

    /// <summary>It rings the user's workspace, not a SIP device.</summary>
    public bool Webphone { get; } = webphone;

    /// <summary>The scenario's request waiting for how the ringing ends; null for offers and transfers.</summary>
    public RequestId? Request { get; set; } = request;

    public CalleeLegState State { get; set; } = webphone ? CalleeLegState.Ringing : CalleeLegState.Calling;

    public bool IsRinging => State is CalleeLegState.Calling or CalleeLegState.Ringing;

    public bool InConversation => State is CalleeLegState.Connected or CalleeLegState.Held;

    /// <summary>When it fails or is not answered the whole call ends: a transfer's target (a scenario goes on instead).</summary>
    public bool EndsCallOnFailure => Purpose is LegPurpose.TransferToUser or LegPurpose.TransferForward;
}
