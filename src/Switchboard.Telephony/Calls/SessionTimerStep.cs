namespace Switchboard.Telephony.Calls;

/// <summary>What a leg's session timer asks of its call when it fires.</summary>
internal enum SessionTimerStep
{
    /// <summary>Nothing yet (a stale firing, or a refresh already under way).</summary>
    None,

    /// <summary>We are the refresher and half the interval is up: send a refresh.</summary>
    Refresh,

    /// <summary>No refresh came in time: the peer is taken for gone and the call hung up with a BYE.</summary>
    Expired,
}
