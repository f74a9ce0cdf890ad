namespace Switchboard.Telephony.Calls.Core;

/// <summary>Why the call placed a leg, which decides what its answer and its failure mean.</summary>
internal enum LegPurpose
{
    /// <summary>An ACD offer to an agent: the ACD hears the agent's answer and alone decides who gets the call.</summary>
    Offer,

    /// <summary>The scenario calls a user: an answer connects them, a failure lets the scenario go on.</summary>
    CallUser,

    /// <summary>The scenario forwards to a number: as for a user, with no user.</summary>
    Forward,

    /// <summary>A user transferred the call to another user: a failure ends the call, as no scenario is left.</summary>
    TransferToUser,

    /// <summary>A user transferred the call to a number: as for a user, with no user.</summary>
    TransferForward,
}
