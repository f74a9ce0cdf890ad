using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A call's stay in its queue since <paramref name="EnteredAt"/>, with the <paramref name="Music"/> it hears once the queue
/// took it (none: it is not answered for music); <paramref name="Waiter"/> is the scenario waiting for its end, null
/// when a transfer queued the call.
/// </summary>
internal sealed record QueueStay(DateTimeOffset EnteredAt, EncodedSound? Music, TaskCompletionSource<QueueWaitResult>? Waiter);
