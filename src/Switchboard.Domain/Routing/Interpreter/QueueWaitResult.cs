namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>How a call's stay in a queue ended, and how long it waited.</summary>
public abstract record QueueWaitResult(TimeSpan Waited);

/// <summary>An agent accepted the call: it leaves the scenario.</summary>
public sealed record AnsweredInQueue(Guid AgentId, TimeSpan Waited) : QueueWaitResult(Waited);

/// <summary>The call left the queue unanswered: the scenario falls through to its next action.</summary>
public sealed record LeftQueueUnanswered(QueueLeaveReason Reason, TimeSpan Waited) : QueueWaitResult(Waited);
