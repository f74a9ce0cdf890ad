namespace Switchboard.Media.Sdp;

/// <summary>
/// The "o=" line. The session version must grow each time a description changes within a dialog
/// (a re-INVITE), so that the peer notices the change (RFC 3264 §8).
/// </summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string AddressType, string Address);
