namespace Switchboard.Domain.Acd;

/// <summary>
/// Identifies one offer of one call to one agent. Never reused by a dispatcher, so an answer or a timer that
/// refers to an offer that already ended is recognised as stale.
/// </summary>
public readonly record struct OfferId(long Value)
{
    public override string ToString() => $"offer-{Value}";
}
