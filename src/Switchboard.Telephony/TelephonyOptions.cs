using System.Net;
using Switchboard.Sip.SessionTimers;

namespace Switchboard.Telephony;

/// <summary>How the back-to-back user agent presents its media.</summary>
public sealed class TelephonyOptions
{
    /// <summary>Where RTP sockets are bound.</summary>
    public IPAddress MediaBindAddress { get; init; } = IPAddress.Any;

    /// <summary>
    /// The address written into SDP (c=, o=) for SIP peers to send media to, when it is fixed: an external address
    /// behind NAT, or the bound one. Null (bound to all addresses): the local address on the way to each peer, the
    /// same as in its Via and Contact (see <see cref="Sip.Transactions.SipEndpoint.LocalAddressFor"/>).
    /// </summary>
    public IPAddress? MediaAddress { get; init; }

    /// <summary>The address of a webphone leg's ICE candidate when <see cref="MediaAddress"/> is not fixed: there is no SIP peer to go by.</summary>
    public required IPAddress WebphoneMediaAddress { get; init; }

    /// <summary>
    /// A SIP leg in conversation whose peer sends no audio for this long is taken for gone (a phone that vanished
    /// without BYE) and the call is hung up; not while the peer holds the call. Zero turns the check off.
    /// </summary>
    public TimeSpan MediaInactivityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Session timers (RFC 4028) on SIP legs: the interval asked for and the shortest accepted. A phone that vanished
    /// without BYE stops refreshing, or stops answering our refreshes, and the call is hung up. Null turns them off.
    /// </summary>
    public SessionTimerPolicy? SessionTimers { get; init; } = new(IntervalSeconds: 1800, MinSeconds: 90);

    /// <summary>The user part of our Contact in calls we place.</summary>
    public string ContactUser { get; init; } = "switchboard";
}
