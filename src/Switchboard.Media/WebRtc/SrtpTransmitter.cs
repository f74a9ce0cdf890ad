using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.WebRtc;

/// <summary>
/// The sending half of an <see cref="RtpSession"/> on a WebRTC leg: each plain RTP or RTCP packet is
/// copied into one buffer with room for the SRTP trailer, protected there and sent from the media
/// socket to where ICE says the browser is. One lock covers buffer and protection, because the audio
/// sender, a bridge and the report timer send at once and a libsrtp session takes one caller at a time.
/// </summary>
internal sealed class SrtpTransmitter(WebRtcMediaChannel channel, Socket socket, int localPort, RtpLog log)
{
    private readonly byte[] _buffer = new byte[RtpHeader.MaximumPacketSize + SrtpOutboundSession.RtcpTrailerLength];
    private readonly Lock _lock = new();
    private IPEndPoint? _destination;
    private SocketAddress? _destinationAddress;
    private bool _retired;

    public WebRtcMediaChannel Channel { get; } = channel;

    /// <summary>
    /// True once DTLS gave keys, while the browser's checks keep renewing consent (RFC 7675): before that
    /// nothing may leave, not even in clear, and once consent lapses we stop sending to a browser that is gone.
    /// </summary>
    public bool IsReady => Channel.IsSecure && Channel.Ice.HasConsent;

    public bool SendRtp(ReadOnlySpan<byte> packet) => Send(packet, rtcp: false);

    public bool SendRtcp(ReadOnlySpan<byte> packet) => Send(packet, rtcp: true);

    /// <summary>
    /// A new browser session took the leg over: waits for a packet being protected now and protects none
    /// after it, so that the channel's keys may go.
    /// </summary>
    public void Retire()
    {
        lock (_lock)
        {
            _retired = true;
        }
    }

    private bool Send(ReadOnlySpan<byte> packet, bool rtcp)
    {
        if (packet.Length > RtpHeader.MaximumPacketSize || !Channel.Ice.HasConsent || Channel.Ice.RemoteEndPoint is not { } destination)
        {
            return false;
        }

        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            packet.CopyTo(_buffer);
            var status = rtcp
                ? Channel.ProtectRtcp(_buffer, packet.Length, out var protectedLength)
                : Channel.ProtectRtp(_buffer, packet.Length, out protectedLength);
            if (status != SrtpStatus.Ok)
            {
                return false;
            }

            try
            {
                socket.SendTo(_buffer.AsSpan(0, protectedLength), SocketFlags.None, AddressOf(destination));
                return true;
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // A lost datagram is what UDP promises anyway; the call goes on.
                log.NotSent(localPort, exception);
                return false;
            }
        }
    }

    /// <summary>The agent hands out the same end point until the path changes, so it is serialized once per path, not per packet.</summary>
    private SocketAddress AddressOf(IPEndPoint destination)
    {
        if (!ReferenceEquals(destination, _destination) || _destinationAddress is null)
        {
            _destination = destination;
            _destinationAddress = destination.Serialize();
        }

        return _destinationAddress;
    }
}
