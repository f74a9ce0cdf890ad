namespace Switchboard.Sip.SessionTimers;

/// <summary>
/// What a UAS makes of a request's session timer: the terms it answers with (none when the dialog runs without a
/// timer), or, when the request asked for an interval below this side's minimum, the minimum to refuse it with (422).
/// </summary>
public readonly record struct SessionTimerAnswer(SessionTerms? Terms, uint? TooSmallBelow)
{
    public static SessionTimerAnswer None => default;
}
