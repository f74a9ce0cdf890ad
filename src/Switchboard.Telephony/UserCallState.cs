namespace Switchboard.Telephony;

/// <summary>Where a user stands in a live call.</summary>
public enum UserCallState
{
    /// <summary>The call rings them.</summary>
    Ringing,

    /// <summary>They talk with the caller.</summary>
    Connected,

    /// <summary>They are connected and hold the caller, who hears music.</summary>
    Held,
}
