using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.AcdHosting;

/// <summary>A call waiting in a queue, as the live view shows it.</summary>
/// <param name="CallerNumber">Null when withheld or not known.</param>
/// <param name="Position">1 = the next call this queue serves.</param>
/// <param name="EstimatedWaitSeconds">
/// Expected wait in all, from arrival until answered (so never below <paramref name="WaitedSeconds"/>); null until the
/// queue has answered a call to estimate from.
/// </param>
/// <param name="OfferedTo">The agents whose device rings with this call now.</param>
/// <param name="Variables">The call variables its scenario has set so far, in the order each was first set.</param>
public sealed record WaitingCallView(
    Guid CallId,
    string? CallerNumber,
    int Priority,
    int Position,
    long WaitedSeconds,
    long? EstimatedWaitSeconds,
    IReadOnlyList<Guid> OfferedTo,
    IReadOnlyList<CallVariable> Variables);
