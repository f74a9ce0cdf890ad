namespace Switchboard.Media.WebRtc.Ice;

/// <summary>What an ICE-lite agent did with a datagram that looked like STUN.</summary>
public enum IceCheckOutcome
{
    /// <summary>Not a binding request for us (a response, an indication, a bad FINGERPRINT): no answer is sent.</summary>
    Ignored,

    /// <summary>A valid check: a success response is written and the source is a valid media destination.</summary>
    Accepted,

    /// <summary>A request missing USERNAME, MESSAGE-INTEGRITY or PRIORITY: a 400 response is written.</summary>
    BadRequest,

    /// <summary>A USERNAME that is not ours or an integrity that does not check out: a 401 response is written.</summary>
    Unauthorized,
}
