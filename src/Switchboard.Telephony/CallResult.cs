namespace Switchboard.Telephony;

/// <summary>How a call ended, as its call record keeps it.</summary>
public enum CallResult
{
    /// <summary>A user the scenario called answered and talked to the caller.</summary>
    AnsweredByUser,
    /// <summary>An agent took the call from a distribution queue and talked to the caller.</summary>
    AnsweredFromQueue,
    /// <summary>The call was handed to another number or SIP address, which answered.</summary>
    Forwarded,
    /// <summary>A transfer's target (a user or a number) could not be reached or did not answer, and the call ended there.</summary>
    ForwardFailed,
    /// <summary>The scenario hung up (a hangup action, its end, a loop or a missing scenario).</summary>
    HungUpByScenario,
    /// <summary>The caller hung up (or cancelled) before routing was done.</summary>
    CallerHungUp,
    /// <summary>The dialled number is not one of ours: 404.</summary>
    NotFound,
    /// <summary>The caller is neither a trunk nor an authenticated device: 403.</summary>
    Refused,
    /// <summary>The call could not be carried (no common codec, no free media port...).</summary>
    Failed,
}
