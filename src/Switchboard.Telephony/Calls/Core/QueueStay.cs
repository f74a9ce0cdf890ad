using Switchboard.Media.Playback;

namespace Switchboard.Telephony.Calls.Core;

/// <summary>
/// A call's stay in <paramref name="QueueId"/> since <paramref name="EnteredAt"/>, with the <paramref name="Music"/> it hears
/// once the queue took it (none: it is not answered for music); <paramref name="Waiter"/> is the scenario's request
/// waiting for its end, null when a transfer queued the call.
/// </summary>
internal sealed record QueueStay(Guid QueueId, DateTimeOffset EnteredAt, EncodedSound? Music, RequestId? Waiter);
