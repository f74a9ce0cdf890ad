namespace Switchboard.Domain.Acd;

/// <summary>Where a call stands in its queue, for <see cref="WaitEstimate"/>.</summary>
/// <param name="Ahead">Calls served before it.</param>
/// <param name="Waited">How long it has waited so far (zero for a call joining now).</param>
/// <param name="LongestWaitAhead">The longest any call ahead of it has waited so far (zero when none is ahead).</param>
/// <param name="RingsNow">An agent's device rings with it now.</param>
internal readonly record struct WaitingPlace(int Ahead, TimeSpan Waited, TimeSpan LongestWaitAhead, bool RingsNow);
