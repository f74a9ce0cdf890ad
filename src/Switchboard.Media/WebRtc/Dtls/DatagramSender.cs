namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// Sends one datagram to the peer (over the ICE-selected path). Called outside the transport's lock; it
/// must not block and must not throw: a lost datagram is retransmitted by DTLS anyway.
/// </summary>
public delegate void DatagramSender(ReadOnlySpan<byte> datagram);
