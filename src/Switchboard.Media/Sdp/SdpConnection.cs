namespace Switchboard.Media.Sdp;

/// <summary>A "c=IN IP4 192.0.2.1" line: where media is to be sent.</summary>
public sealed record SdpConnection(string AddressType, string Address)
{
    /// <summary>The address RFC 2543 phones put on hold: "send me nothing".</summary>
    public bool IsUnspecified => Address is "0.0.0.0" or "::";
}
