using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>What a hostile or broken peer sends: random bytes, a request cut off mid-header, a header far too large.</summary>
internal static class Garbage
{
    public static IReadOnlyList<byte[]> Messages()
    {
        var random = new byte[700];
        new Random(4475).NextBytes(random);
        var truncated = Encoding.ASCII.GetBytes("INVITE sip:12025550100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-cut\r\nFrom: <sip:x@y>;ta");
        var oversized = Encoding.ASCII.GetBytes(
            "OPTIONS sip:switchboard@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-big\r\nFrom: <sip:x@y>;tag=1\r\n" +
            "To: <sip:switchboard@127.0.0.1>\r\nCall-ID: big\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nX-Padding: " + new string('a', 60_000) +
            "\r\nContent-Length: 0\r\n\r\n");
        return [random, truncated, oversized];
    }

    /// <summary>Sends every message as a datagram, and over one TCP connection each.</summary>
    public static async Task SendAsync(IPEndPoint server)
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        foreach (var message in Messages())
        {
            // A datagram cannot exceed 64 KiB; the oversized header still fits.
            await udp.SendToAsync(message, SocketFlags.None, server);
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(server);
            await tcp.GetStream().WriteAsync(message);
        }
    }
}
