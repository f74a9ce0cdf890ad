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

    /// <summary>A port free for both UDP and TCP that differs from <paramref name="taken"/>, for a second port of the same peer.</summary>
    public static int FindOtherThan(int taken)
    {
        while (true)
        {
            // The kernel may hand out a port just released again; the peer cannot bind both.
            var port = Find();
            if (port != taken)
                return port;
        }
    }

    /// <summary>
    /// The start of <paramref name="count"/> consecutive UDP ports free right now, for sipp's media sockets. Picked
    /// between the servers' RTP pools (<see cref="RangeStart"/>, below 30000) and the kernel's ephemeral ports (32768
    /// up), so that neither a server nor a <see cref="Find"/> of another test takes them before sipp binds them.
    /// </summary>
    public static int UdpRun(int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var start = Random.Shared.Next(30_000, 32_768 - count) & ~1;
            var sockets = new List<Socket>();
            try
            {
                for (var port = start; port < start + count; port++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }
                return start;
            }
            catch (SocketException) when (attempt < 50)
            {
                // One of them is taken: try another run.
            }
            finally
            {
                foreach (var socket in sockets)
                    socket.Dispose();
            }
        }
    }

    /// <summary>
    /// The start of a run of <paramref name="count"/> UDP ports picked at random above the usual ephemeral ones in
    /// use; the RTP pool skips any that another program holds when it binds.
    /// </summary>
    public static int RangeStart(int count) => Random.Shared.Next(20_000, 30_000 - count) & ~1;
}
