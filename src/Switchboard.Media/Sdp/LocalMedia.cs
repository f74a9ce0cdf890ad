using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Sdp;

/// <summary>
/// Our side of a stream as written into an offer or answer: the address and RTP port peers send to,
/// the origin identity of our description, and the direction we want (sendonly to hold the peer).
/// </summary>
public sealed record LocalMedia(IPAddress Address, int RtpPort, ulong SessionId, ulong SessionVersion)
{
    public MediaDirection Direction { get; init; } = MediaDirection.SendReceive;

    internal SdpConnection Connection => new(AddressType, Address.ToString());

    internal SdpOrigin Origin => new("-", SessionId, SessionVersion, AddressType, Address.ToString());

    private string AddressType => Address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
}
