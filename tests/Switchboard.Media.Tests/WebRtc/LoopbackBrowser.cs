using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Tests.TestMedia;
using Switchboard.Media.Tests.WebRtc.Ice;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;
using Switchboard.Media.WebRtc.Srtp;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.WebRtc;

/// <summary>
/// A browser made of the pieces a browser has, on a real UDP socket on 127.0.0.1: it offers what
/// Chromium offers (with its own credentials and certificate), checks the answer's candidate with STUN
/// and USE-CANDIDATE, opens DTLS as the client, and then speaks SRTP and SRTCP on that one port.
/// </summary>
internal sealed class LoopbackBrowser : IAsyncDisposable
{
    public const uint Ssrc = 0x0B0B0B0B;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly IceCredentials _credentials = new("brUf", "browserPassword012345678");
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly DtlsContext _context = DtlsContext.Create(DtlsCertificate.Generate(TimeProvider.System), DtlsRole.Client);
    private readonly Channel<RecordedPacket> _rtp = Channel.CreateUnbounded<RecordedPacket>();
    private readonly Channel<byte[]> _rtcp = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource _checkAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private IPEndPoint? _server;
    private byte[]? _serverKey;
    private string? _checkUsername;
    private string? _serverPassword;
    private DtlsTransport? _dtls;
    private SrtpInboundSession? _inbound;
    private SrtpOutboundSession? _outbound;

    public LoopbackBrowser()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = ReceiveAsync(_stopping.Token);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public DtlsTransportState DtlsState => _dtls?.State ?? DtlsTransportState.New;

    /// <summary>Chromium's audio offer, with this browser's ICE credentials and certificate fingerprint.</summary>
    public SessionDescription CreateOffer()
    {
        var lines = CapturedBrowserOffers.ChromiumAudio.Split("\r\n").Select(line => line switch
        {
            _ when line.StartsWith("a=ice-ufrag:", StringComparison.Ordinal) => $"a=ice-ufrag:{_credentials.UsernameFragment}",
            _ when line.StartsWith("a=ice-pwd:", StringComparison.Ordinal) => $"a=ice-pwd:{_credentials.Password}",
            _ when line.StartsWith("a=fingerprint:", StringComparison.Ordinal) => $"a=fingerprint:{_context.Certificate.Fingerprint}",
            _ => line,
        });
        return CapturedBrowserOffers.Parse(string.Join("\r\n", lines));
    }

    /// <summary>Checks the answer's candidate until it is answered, then completes the DTLS handshake as the client.</summary>
    public async Task ConnectAsync(SessionDescription answer)
    {
        var audio = answer.Media[0];
        var candidate = audio.FindAttribute("candidate")!.Split(' ');
        _server = new IPEndPoint(IPAddress.Parse(candidate[4]), int.Parse(candidate[5], CultureInfo.InvariantCulture));
        var serverPassword = audio.FindAttribute("ice-pwd")!;
        _serverKey = Encoding.UTF8.GetBytes(serverPassword);
        _dtls = new DtlsTransport(_context, CertificateFingerprint.Parse(audio.FindAttribute("fingerprint")!), Send, TimeProvider.System);

        _checkUsername = $"{audio.FindAttribute("ice-ufrag")}:{_credentials.UsernameFragment}";
        _serverPassword = serverPassword;
        CheckAgain();
        await _checkAnswered.Task.WaitAsync(Patience);
        _dtls.Start();
        var keys = await _dtls.Handshake.WaitAsync(Patience);
        _outbound = new SrtpOutboundSession(keys.ForSending(DtlsRole.Client));
        Volatile.Write(ref _inbound, new SrtpInboundSession(keys.ForReceiving(DtlsRole.Client)));
    }

    /// <summary>Sends a connectivity check on the nominated pair, as a browser does every few seconds to keep consent.</summary>
    public void CheckAgain() => Send(BrowserBindingRequest.Create(_checkUsername!, _serverPassword!));

    /// <summary>Sends one RTP packet of this browser's stream, protected.</summary>
    public void SendRtp(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[RtpHeader.MaximumPacketSize + SrtpOutboundSession.RtpTrailerLength];
        var length = RtpPacketWriter.Write(buffer, header with { Ssrc = Ssrc }, payload);
        Assert.Equal(SrtpStatus.Ok, _outbound!.ProtectRtp(buffer, length, out var protectedLength));
        Send(buffer.AsSpan(0, protectedLength));
    }

    /// <summary>Sends a plain RTCP packet, protected, on the media port (rtcp-mux).</summary>
    public void SendRtcp(ReadOnlySpan<byte> packet)
    {
        var buffer = new byte[packet.Length + SrtpOutboundSession.RtcpTrailerLength];
        packet.CopyTo(buffer);
        Assert.Equal(SrtpStatus.Ok, _outbound!.ProtectRtcp(buffer, packet.Length, out var protectedLength));
        Send(buffer.AsSpan(0, protectedLength));
    }

    /// <summary>Sends bytes as they are, as a stranger or a broken peer would.</summary>
    public void Send(ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, SocketFlags.None, _server!);

    /// <summary>The next RTP packet that reached this browser and unprotected.</summary>
    public async Task<RecordedPacket> NextRtpAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _rtp.Reader.ReadAsync(patience.Token);
    }

    /// <summary>The next RTCP compound packet that reached this browser and unprotected.</summary>
    public async Task<byte[]> NextRtcpAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _rtcp.Reader.ReadAsync(patience.Token);
    }

    public bool TryTakeRtp(out RecordedPacket packet) => _rtp.Reader.TryRead(out packet!);

    public async ValueTask DisposeAsync()
    {
        // close_notify first, while the socket is open; a datagram still arriving finds DTLS closed.
        _dtls?.Dispose();
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _receiving;
        _inbound?.Dispose();
        _outbound?.Dispose();
        _context.Dispose();
        _stopping.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        while (true)
        {
            int length;
            try
            {
                length = (await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken)).ReceivedBytes;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            OnDatagram(buffer.AsSpan(0, length));
        }
    }

    private void OnDatagram(Span<byte> datagram)
    {
        switch (WebRtcDemultiplexer.Classify(datagram))
        {
            case WebRtcPacketKind.Stun:
                if (StunMessage.TryParse(datagram, out var response)
                    && response.Type == StunMessageType.BindingSuccessResponse
                    && response.HasValidMessageIntegrity(_serverKey))
                {
                    _checkAnswered.TrySetResult();
                }

                break;
            case WebRtcPacketKind.Dtls:
                _dtls?.ReceiveDatagram(datagram);
                break;
            case WebRtcPacketKind.Rtp when Volatile.Read(ref _inbound) is { } inbound
                && inbound.UnprotectRtp(datagram, out var rtpLength) == SrtpStatus.Ok
                && RtpPacket.TryParse(datagram[..rtpLength], out var packet):
                _rtp.Writer.TryWrite(new RecordedPacket(packet.Header, packet.Payload.ToArray()));
                break;
            case WebRtcPacketKind.Rtcp when Volatile.Read(ref _inbound) is { } inbound
                && inbound.UnprotectRtcp(datagram, out var rtcpLength) == SrtpStatus.Ok:
                _rtcp.Writer.TryWrite(datagram[..rtcpLength].ToArray());
                break;
        }
    }
}
