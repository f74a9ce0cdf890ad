using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Transport;

/// <summary>
/// The local address the system sends from to reach a peer. A socket bound to all addresses has its datagrams'
/// source picked by the routing table, which for a peer that reached us is the address it reached (127.0.0.1 for
/// a peer on loopback); writing the same address in Via, Contact and SDP keeps what a message says and where it
/// comes from in agreement. Asked of the kernel by connecting a UDP socket, which sends nothing.
/// </summary>
public static class LocalRoute
{
    public static IPAddress SourceAddressFor(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(address, remote.Port == 0 ? 9 : remote.Port));
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            // No route: nothing reaches that peer anyway, and the send that follows is what fails and is logged;
            // loopback at least names no unrelated interface.
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }
    }
}
