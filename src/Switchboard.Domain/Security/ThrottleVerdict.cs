namespace Switchboard.Domain.Security;

/// <summary>
/// Whether attempts are refused for now, and for how long (<see cref="RetryAfter"/>); <see cref="Failures"/> is
/// the count that caused the block (or, after a failure, the source's count so far).
/// </summary>
public readonly record struct ThrottleVerdict(ThrottleBlock Block, TimeSpan RetryAfter, int Failures)
{
    public bool IsBlocked => Block != ThrottleBlock.None;

    public static ThrottleVerdict Allowed(int failures) => new(ThrottleBlock.None, TimeSpan.Zero, failures);
}
