using System.Net;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>Where a <see cref="SipEndpoint"/> listens and how it presents itself.</summary>
public sealed class SipEndpointOptions
{
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>UDP and TCP listen on the same port; 0 picks a free one for both.</summary>
    public int Port { get; init; } = 5060;

    /// <summary>The host written in Via and Contact; by default the bound address, or the machine's name when bound to any.</summary>
    public string? AdvertisedHost { get; init; }

    public SipTimerOptions Timers { get; init; } = new();

    public SipParserLimits Limits { get; init; } = SipParserLimits.Default;

    /// <summary>Option tags (Require/Supported) this endpoint implements; a request requiring another gets 420.</summary>
    public IReadOnlyList<string> SupportedExtensions { get; init; } = [];

    /// <summary>
    /// How many received messages may wait for the dispatcher. Beyond that new ones are dropped, as a network
    /// drops datagrams, so the sockets never wait for a slow core; retransmissions recover them.
    /// </summary>
    public int ReceiveQueueCapacity { get; init; } = 10_000;

    /// <summary>
    /// The kernel receive buffer of the UDP socket (SO_RCVBUF): what a burst may fill while the receive loop catches
    /// up. Linux grants at most net.core.rmem_max (often 212,992 bytes; raise it with sysctl to use more).
    /// </summary>
    public int UdpReceiveBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Timeouts, send queue and connection caps of SIP over TCP.</summary>
    public SipTcpOptions Tcp { get; init; } = new();
}
