using System.Diagnostics;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Acd;

/// <summary>How the ACD's end of a call's stay in a queue reads for the scenario that put the call there.</summary>
public static class QueueStayEnd
{
    /// <summary>The call left its queue unanswered (<see cref="LeaveQueue"/>): the scenario falls through to its next action.</summary>
    public static LeftQueueUnanswered Unanswered(CallOutcome outcome, TimeSpan waited) => new(outcome switch
    {
        CallOutcome.TimedOut => QueueLeaveReason.TimedOut,
        CallOutcome.RefusedQueueFull => QueueLeaveReason.QueueFull,
        CallOutcome.RefusedNoReadyAgent => QueueLeaveReason.NoReadyAgent,
        CallOutcome.RefusedUnknownQueue => QueueLeaveReason.UnknownQueue,
        CallOutcome.QueueRemoved => QueueLeaveReason.QueueRemoved,
        _ => throw new UnreachableException($"A call does not leave its queue unanswered as {outcome}."),
    }, waited);
}
