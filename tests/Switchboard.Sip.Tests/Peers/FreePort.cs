using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Tests.Peers;

/// <summary>A port on 127.0.0.1 that is free for both UDP and TCP right now, for a peer that must be told its port.</summary>
internal static class FreePort
{
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
}
