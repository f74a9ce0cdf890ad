namespace Switchboard.Media.Sdp;

/// <summary>Which way a media stream flows, seen from the side that wrote the description (RFC 3264 §5.1).</summary>
public enum MediaDirection
{
    SendReceive,
    SendOnly,
    ReceiveOnly,
    Inactive,
}
