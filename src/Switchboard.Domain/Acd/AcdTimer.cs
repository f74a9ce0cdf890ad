namespace Switchboard.Domain.Acd;

/// <summary>What a timer the ACD asked for hands back when it falls due, as a value (see <see cref="AcdTimerInput"/> for the same as an input record).</summary>
/// <param name="Id">The call (maximum wait) or agent (pause); unused for a ring timeout.</param>
/// <param name="Number">The offer id (ring timeout), the stay's entry (maximum wait) or the pause's generation.</param>
public readonly record struct AcdTimer(AcdTimerKind Kind, Guid Id, long Number)
{
    public static AcdTimer Of(AcdTimerInput input) => input switch
    {
        RingTimeoutElapsed ring => new(AcdTimerKind.RingTimeout, Guid.Empty, ring.OfferId.Value),
        MaxWaitElapsed wait => new(AcdTimerKind.MaxWait, wait.CallId, wait.Entry),
        AgentPauseElapsed pause => new(AcdTimerKind.PauseEnd, pause.AgentId, pause.Generation),
        _ => throw new ArgumentException($"Unknown ACD timer {input.GetType().Name}", nameof(input)),
    };

    public AcdTimerInput ToInput() => Kind switch
    {
        AcdTimerKind.RingTimeout => new RingTimeoutElapsed(new OfferId(Number)),
        AcdTimerKind.MaxWait => new MaxWaitElapsed(Id, Number),
        _ => new AgentPauseElapsed(Id, Number),
    };
}

public enum AcdTimerKind
{
    /// <summary>The offer rang for the queue's ring timeout.</summary>
    RingTimeout,
    /// <summary>The call's maximum wait passed.</summary>
    MaxWait,
    /// <summary>The agent's wrap-up or pause ended.</summary>
    PauseEnd,
}
