namespace Switchboard.Telephony.Calls.Core;

/// <summary>Where a leg the call placed is, from its INVITE (or its webphone ringing) to its end.</summary>
internal enum CalleeLegState
{
    /// <summary>The INVITE went out; no ringing reported yet. Its user, if any, is already told it rings them.</summary>
    Calling,

    /// <summary>The device reported ringing (180/183), or a webphone rings in its workspace.</summary>
    Ringing,

    /// <summary>An ACD offer answered: held, unbridged, until the ACD connects it (or gives the call to another agent).</summary>
    Answered,

    /// <summary>In conversation with the caller: the two are bridged.</summary>
    Connected,

    /// <summary>In conversation, with the caller on hold (hearing music) from the user's workspace.</summary>
    Held,

    /// <summary>Over: refused, not answered, withdrawn, hung up or gone.</summary>
    Ended,
}
