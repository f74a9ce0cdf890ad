using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A call's stay in a queue since <paramref name="EnteredAt"/>; <paramref name="Waiter"/> is the scenario waiting for
/// its end, null when a transfer queued the call.
/// </summary>
internal sealed record QueueStay(Guid QueueId, DateTimeOffset EnteredAt, TaskCompletionSource<QueueWaitResult>? Waiter);
