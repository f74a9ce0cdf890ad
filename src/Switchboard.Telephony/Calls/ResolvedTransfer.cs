using Switchboard.Media.Playback;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>A transfer target with what the call needs to reach it, looked up before the call is asked.</summary>
internal abstract record ResolvedTransfer;

internal sealed record UserTransfer(Guid UserId, RingTarget Target) : ResolvedTransfer;

internal sealed record QueueTransfer(Guid QueueId, EncodedSound Music) : ResolvedTransfer;

/// <summary>Forward to <paramref name="Target"/>, which resolved to <paramref name="Destination"/>.</summary>
internal sealed record ForwardTransfer(ForwardTarget Target, SipTransportAddress Destination) : ResolvedTransfer;
