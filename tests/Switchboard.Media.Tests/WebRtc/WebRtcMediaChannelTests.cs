using System.Net;
using Switchboard.Media.Tests.WebRtc.Ice;
using Switchboard.Media.Tests.WebRtc.Srtp;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;
using Switchboard.Media.WebRtc.Srtp;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.WebRtc;

/// <summary>
/// One media port against a browser made of the pieces a browser has: it checks with STUN, opens DTLS
/// as the client (it offered actpass, we answered passive) and then sends SRTP.
/// </summary>
public sealed class WebRtcMediaChannelTests : IDisposable
{
    private static readonly IPEndPoint BrowserAddress = new(IPAddress.Parse("192.0.2.45"), 54321);
    private static readonly IceCredentials Ours = new("sbUf", "switchboardPassword0123");

    private readonly FakeTimeProvider _time = new();
    private readonly DtlsCertificate _ourCertificate;
    private readonly DtlsCertificate _browserCertificate;
    private readonly DtlsContext _ourContext;
    private readonly DtlsContext _browserContext;
    private readonly List<(byte[] Datagram, IPEndPoint To)> _toBrowser = [];
    private readonly Queue<byte[]> _browserDtlsOut = new();
    private readonly WebRtcMediaChannel _channel;
    private readonly DtlsTransport _browserDtls;

    public WebRtcMediaChannelTests()
    {
        _ourCertificate = DtlsCertificate.Generate(_time);
        _browserCertificate = DtlsCertificate.Generate(_time);
        _ourContext = DtlsContext.Create(_ourCertificate, DtlsRole.Server);
        _browserContext = DtlsContext.Create(_browserCertificate, DtlsRole.Client);
        _channel = new WebRtcMediaChannel(
            new IceLiteAgent(Ours, "brUf", _time),
            _ourContext,
            _browserCertificate.Fingerprint,
            (datagram, to) => _toBrowser.Add((datagram.ToArray(), to)),
            _time);
        _browserDtls = new DtlsTransport(_browserContext, _ourCertificate.Fingerprint, datagram => _browserDtlsOut.Enqueue(datagram.ToArray()), _time);
    }

    [Fact]
    public void Check_is_answered_back_to_where_it_came_from()
    {
        _channel.Receive(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), BrowserAddress, out var plainLength);

        var (response, to) = Assert.Single(_toBrowser);
        Assert.Equal(BrowserAddress, to);
        Assert.True(StunMessage.TryParse(response, out var message));
        Assert.Equal(StunMessageType.BindingSuccessResponse, message.Type);
        Assert.Equal(0, plainLength);
    }

    [Fact]
    public void Dtls_before_any_valid_check_is_dropped()
    {
        _browserDtls.Start();
        DeliverBrowserDtls();

        Assert.Empty(_toBrowser);
        Assert.Equal(DtlsTransportState.New, _channel.Dtls.State);
    }

    [Fact]
    public async Task After_check_and_handshake_browser_srtp_arrives_as_plain_rtp()
    {
        ConnectBrowser();
        using var browserSends = new SrtpOutboundSession((await _browserDtls.Handshake).ForSending(DtlsRole.Client));
        var datagram = RtpPackets.Pcmu(5, 0x33333333, firstByte: 9);
        browserSends.ProtectRtp(datagram, RtpPackets.PcmuLength, out var protectedLength);

        var kind = _channel.Receive(datagram.AsSpan(0, protectedLength), BrowserAddress, out var plainLength);

        Assert.True(_channel.IsSecure);
        Assert.Equal(WebRtcPacketKind.Rtp, kind);
        Assert.Equal(RtpPackets.Pcmu(5, 0x33333333, firstByte: 9)[..RtpPackets.PcmuLength], datagram[..plainLength]);
    }

    [Fact]
    public async Task What_we_protect_the_browser_unprotects()
    {
        ConnectBrowser();
        using var browserReceives = new SrtpInboundSession((await _browserDtls.Handshake).ForReceiving(DtlsRole.Client));
        var packet = RtpPackets.Pcmu(7, 0x44444444, firstByte: 3);

        Assert.Equal(SrtpStatus.Ok, _channel.ProtectRtp(packet, RtpPackets.PcmuLength, out var protectedLength));

        Assert.Equal(SrtpStatus.Ok, browserReceives.UnprotectRtp(packet.AsSpan(0, protectedLength), out var plainLength));
        Assert.Equal(RtpPackets.Pcmu(7, 0x44444444, firstByte: 3)[..RtpPackets.PcmuLength], packet[..plainLength]);
    }

    [Fact]
    public void Srtp_before_the_handshake_is_dropped_and_nothing_is_sent_in_clear()
    {
        var packet = RtpPackets.Pcmu(1, 0x55555555);

        Assert.Equal(SrtpStatus.Failed, _channel.ProtectRtp(packet, RtpPackets.PcmuLength, out _));
        Assert.Equal(WebRtcPacketKind.Rtp, _channel.Receive(packet.AsSpan(0, RtpPackets.PcmuLength), BrowserAddress, out var plainLength));
        Assert.Equal(0, plainLength);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _browserDtls.Dispose();
        _ourContext.Dispose();
        _browserContext.Dispose();
    }

    private void ConnectBrowser()
    {
        _channel.Receive(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), BrowserAddress, out _);
        _browserDtls.Start();
        var delivered = 1;
        while (_browserDtlsOut.Count > 0 || _toBrowser.Count > delivered)
        {
            DeliverBrowserDtls();
            foreach (var (datagram, to) in _toBrowser.Skip(delivered).ToList())
            {
                Assert.Equal(BrowserAddress, to);
                _browserDtls.ReceiveDatagram(datagram);
                delivered++;
            }
        }

        Assert.Equal(DtlsTransportState.Connected, _browserDtls.State);
    }

    private void DeliverBrowserDtls()
    {
        while (_browserDtlsOut.TryDequeue(out var datagram))
        {
            _channel.Receive(datagram, BrowserAddress, out _);
        }
    }
}
