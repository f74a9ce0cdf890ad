using System.Net;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Where a session sends one kind of packet, and whether that address was learnt from the peer's own
/// packets (symmetric RTP, RFC 4961) rather than taken from its SDP. Immutable, so that it can be
/// swapped atomically while the other threads read it.
/// </summary>
internal sealed class MediaTarget(SocketAddress address, bool latched)
{
    public SocketAddress Address { get; } = address;

    public bool Latched { get; } = latched;

    public static MediaTarget LatchedTo(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return new MediaTarget(copy, latched: true);
    }
}
