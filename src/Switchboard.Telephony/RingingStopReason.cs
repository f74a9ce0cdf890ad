namespace Switchboard.Telephony;

/// <summary>Why a user's ringing for a call stopped.</summary>
public enum RingingStopReason
{
    /// <summary>This user answered.</summary>
    Answered,

    /// <summary>Another agent took the call (ring-all), or the ACD gave it elsewhere.</summary>
    AnsweredElsewhere,

    /// <summary>The caller hung up while it rang.</summary>
    CallerHungUp,

    /// <summary>The ring timeout passed, or the call left the queue meanwhile.</summary>
    NoAnswer,

    /// <summary>This user refused it.</summary>
    Refused,

    /// <summary>The user's phone could not be rung or its answer could not be used.</summary>
    Failed,
}
