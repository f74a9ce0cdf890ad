namespace Switchboard.Server.Hosting;

/// <summary>Where Switchboard listens for SIP, and the realm its digest challenges and device hashes use.</summary>
public sealed class SipOptions
{
    public string Address { get; set; } = "0.0.0.0";

    public int Port { get; set; } = 5060;

    /// <summary>Part of every stored device hash: changing it invalidates all SIP device passwords.</summary>
    public string Realm { get; set; } = "switchboard";

    /// <summary>
    /// The digest algorithms devices are challenged with, most preferred first, comma-separated ("MD5", "SHA-256").
    /// MD5 alone by default: some phones (baresip 1.0) give up on a challenge that also offers SHA-256.
    /// </summary>
    public string DigestAlgorithms { get; set; } = "MD5";

    /// <summary>
    /// The address peers reach us at, written in Via, Contact and SDP: set it behind NAT (the public address). By
    /// default the bound address, or, bound to all, the local address on the way to each peer.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The UDP socket's kernel receive buffer (SO_RCVBUF), which holds a burst; Linux caps it at net.core.rmem_max.</summary>
    public int UdpReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>SIP over TCP: idle and incomplete-message timeouts, send timeout and queue, connection caps.</summary>
    public SipTcpSettings Tcp { get; set; } = new();

    /// <summary>Contacts one SIP device user may have registered; a new one beyond it replaces the one that expires first.</summary>
    public int MaxBindingsPerUser { get; set; } = 10;

    /// <summary>Session timers on answered calls (RFC 4028).</summary>
    public SipSessionTimerSettings SessionTimer { get; set; } = new();
}
