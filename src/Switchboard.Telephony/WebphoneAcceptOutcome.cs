namespace Switchboard.Telephony;

/// <summary>What became of a webphone's Accept or reconnection: the SDP answer for the browser, or why there is none.</summary>
public sealed record WebphoneAcceptOutcome(WebphoneAcceptStatus Status, string? SdpAnswer = null, string? Problem = null);

public enum WebphoneAcceptStatus
{
    /// <summary>The call is answered; <see cref="WebphoneAcceptOutcome.SdpAnswer"/> goes to the browser.</summary>
    Answered,

    /// <summary>The call does not ring this user's webphone (any more).</summary>
    NotRinging,

    /// <summary>The browser's offer cannot be answered; <see cref="WebphoneAcceptOutcome.Problem"/> says why.</summary>
    BadOffer,

    /// <summary>The user is not connected to the call on their webphone (any more): there is no media to reconnect.</summary>
    NotConnected,
}
