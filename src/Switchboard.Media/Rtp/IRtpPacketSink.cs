namespace Switchboard.Media.Rtp;

/// <summary>
/// Receives every RTP packet a session accepts, on the session's receive loop. The packet lives in
/// the session's receive buffer only for the duration of the call, and the implementation must not
/// block: a bridge relays it with one non-blocking send; anything slow copies and hands off.
/// </summary>
public interface IRtpPacketSink
{
    void OnPacket(RtpSession session, in RtpPacket packet);
}
