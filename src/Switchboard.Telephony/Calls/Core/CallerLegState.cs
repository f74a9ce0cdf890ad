namespace Switchboard.Telephony.Calls.Core;

/// <summary>Where the caller's leg is: its INVITE unanswered (ringing relayed or not), answered, or over.</summary>
internal enum CallerLegState
{
    /// <summary>The INVITE arrived and has no final answer yet.</summary>
    Offered,

    /// <summary>Still unanswered, and a 180 Ringing went out (once).</summary>
    RingingRelayed,

    /// <summary>Our 200 OK went out: the caller is in a dialog with us.</summary>
    Answered,

    /// <summary>Refused, cancelled, or hung up by either side: nothing more is sent on it.</summary>
    Ended,
}
