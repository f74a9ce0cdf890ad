using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.WebRtc;

/// <summary>
/// Everything that shares a WebRTC leg's one media port (RFC 7983): STUN checks go to the ICE-lite
/// agent and are answered; DTLS goes to the handshake, sent back along the ICE-selected path; once the
/// handshake gives keys, SRTP and SRTCP are unprotected in place for the RTP layer, and what it sends
/// is protected in place. The socket stays with the caller, who hands every datagram to <see cref="Receive"/>.
/// </summary>
public sealed class WebRtcMediaChannel : IDisposable
{
    private readonly WebRtcDatagramSender _send;
    private readonly Lock _keysLock = new();
    private SrtpInboundSession? _inbound;
    private SrtpOutboundSession? _outbound;

    /// <param name="ice">Our ICE-lite agent for this leg, with the peer's ufrag.</param>
    /// <param name="dtls">Our DTLS context; its role is the one our a=setup chose.</param>
    /// <param name="remoteFingerprint">The peer's a=fingerprint.</param>
    /// <param name="send">Sends from the media port.</param>
    /// <param name="time">Drives DTLS retransmissions.</param>
    public WebRtcMediaChannel(IceLiteAgent ice, DtlsContext dtls, CertificateFingerprint remoteFingerprint, WebRtcDatagramSender send, TimeProvider time)
    {
        Ice = ice;
        _send = send;
        Dtls = new DtlsTransport(dtls, remoteFingerprint, SendDtls, time);
    }

    public IceLiteAgent Ice { get; }

    public DtlsTransport Dtls { get; }

    /// <summary>
    /// The channel of a webphone leg we answered with <paramref name="answer"/>: an ICE-lite agent with
    /// <paramref name="ours"/> (the credentials the answer carries) and the browser's ufrag, and DTLS as the
    /// server, sending through <paramref name="session"/>'s media socket. Hand it to <see cref="RtpSession.UseWebRtc"/>.
    /// </summary>
    public static WebRtcMediaChannel ForAnswer(WebRtcAnswer answer, IceCredentials ours, DtlsContext serverContext, RtpSession session, TimeProvider time)
    {
        if (serverContext.Role != DtlsRole.Server)
        {
            throw new ArgumentException("the answer says a=setup:passive, so the DTLS context must be the server's", nameof(serverContext));
        }

        return new WebRtcMediaChannel(new IceLiteAgent(ours, answer.RemoteUsernameFragment, time), serverContext, answer.RemoteFingerprint, session.SendDatagram, time);
    }

    /// <summary>True once SRTP keys exist: media can be protected and unprotected.</summary>
    public bool IsSecure => Volatile.Read(ref _outbound) is not null;

    /// <summary>
    /// Takes one datagram that arrived from <paramref name="source"/>. For <see cref="WebRtcPacketKind.Rtp"/>
    /// and <see cref="WebRtcPacketKind.Rtcp"/>, <paramref name="plainLength"/> is the length of the plain
    /// packet now at the start of <paramref name="datagram"/>, and 0 when it was dropped (no keys yet, not
    /// authentic, replayed). For everything else it is 0: the channel has dealt with it.
    /// </summary>
    public WebRtcPacketKind Receive(Span<byte> datagram, IPEndPoint source, out int plainLength)
    {
        plainLength = 0;
        var kind = WebRtcDemultiplexer.Classify(datagram);
        switch (kind)
        {
            case WebRtcPacketKind.Stun:
                AnswerCheck(datagram, source);
                break;
            case WebRtcPacketKind.Dtls when Ice.RemoteEndPoint is not null:
                Dtls.ReceiveDatagram(datagram);
                CreateSrtpSessionsOnceKeyed();
                break;
            case WebRtcPacketKind.Rtp when Volatile.Read(ref _inbound) is { } inbound:
                plainLength = inbound.UnprotectRtp(datagram, out var rtpLength) == SrtpStatus.Ok ? rtpLength : 0;
                break;
            case WebRtcPacketKind.Rtcp when Volatile.Read(ref _inbound) is { } inbound:
                plainLength = inbound.UnprotectRtcp(datagram, out var rtcpLength) == SrtpStatus.Ok ? rtcpLength : 0;
                break;
        }

        return kind;
    }

    /// <summary>See <see cref="SrtpOutboundSession.ProtectRtp"/>; <see cref="SrtpStatus.Failed"/> before the handshake gave keys.</summary>
    public SrtpStatus ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        return Volatile.Read(ref _outbound) is { } outbound ? outbound.ProtectRtp(buffer, length, out protectedLength) : SrtpStatus.Failed;
    }

    /// <summary>See <see cref="SrtpOutboundSession.ProtectRtcp"/>; <see cref="SrtpStatus.Failed"/> before the handshake gave keys.</summary>
    public SrtpStatus ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        return Volatile.Read(ref _outbound) is { } outbound ? outbound.ProtectRtcp(buffer, length, out protectedLength) : SrtpStatus.Failed;
    }

    /// <summary>Closes DTLS and frees the SRTP sessions; call it once the receive loop has stopped.</summary>
    public void Dispose()
    {
        Dtls.Dispose();
        lock (_keysLock)
        {
            _inbound?.Dispose();
            _outbound?.Dispose();
        }
    }

    private void AnswerCheck(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        Span<byte> response = stackalloc byte[IceLiteAgent.MaximumResponseLength];
        var outcome = Ice.HandleStun(datagram, source, response, out var length);
        if (length > 0)
        {
            _send(response[..length], source);
        }

        // A DTLS client opens the association once ICE has a path; a server only begins to listen.
        if (outcome == IceCheckOutcome.Accepted)
        {
            Dtls.Start();
        }
    }

    private void SendDtls(ReadOnlySpan<byte> datagram)
    {
        if (Ice.RemoteEndPoint is { } destination)
        {
            _send(datagram, destination);
        }
    }

    private void CreateSrtpSessionsOnceKeyed()
    {
        if (Volatile.Read(ref _outbound) is not null || Dtls.KeyingMaterial is not { } keys)
        {
            return;
        }

        lock (_keysLock)
        {
            if (_outbound is not null)
            {
                return;
            }

            Volatile.Write(ref _inbound, new SrtpInboundSession(keys.ForReceiving(Dtls.Role)));
            Volatile.Write(ref _outbound, new SrtpOutboundSession(keys.ForSending(Dtls.Role)));
        }
    }
}
