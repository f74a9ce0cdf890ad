namespace Switchboard.Media.WebRtc.Stun;

/// <summary>The STUN message types ICE uses: the Binding method in its four classes (RFC 8489 §5).</summary>
public enum StunMessageType : ushort
{
    BindingRequest = 0x0001,
    BindingIndication = 0x0011,
    BindingSuccessResponse = 0x0101,
    BindingErrorResponse = 0x0111,
}
