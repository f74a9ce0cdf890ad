namespace Switchboard.Sip.Transport;

/// <summary>The transports this stack speaks; TCP is reliable, so its transactions skip retransmission timers.</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}
