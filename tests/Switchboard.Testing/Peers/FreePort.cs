using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing.Peers;

/// <summary>Ports on 127.0.0.1 that are free right now, for a peer that must be told its port.</summary>
public static class FreePort
{
    /// <summary>A port free for both UDP and TCP.</summary>
    public static int Find()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // Taken for TCP: try another.
            }
        }
    }

    /// <summary>
    /// The start of a run of <paramref name="count"/> UDP ports picked at random above the usual ephemeral ones in
    /// use; the RTP pool skips any that another program holds when it binds.
    /// </summary>
    public static int RangeStart(int count) => Random.Shared.Next(20_000, 30_000 - count) & ~1;
}
