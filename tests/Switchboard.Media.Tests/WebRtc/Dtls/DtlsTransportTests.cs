using Switchboard.Media.Tests.WebRtc.Srtp;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.Tests.WebRtc.Dtls;

/// <summary>
/// Our DTLS server against an OpenSSL DTLS client built through the same interop, as a browser would
/// connect: the client offers actpass, we answer passive and wait for its ClientHello.
/// </summary>
public sealed class DtlsTransportTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly DtlsCertificate _serverCertificate;
    private readonly DtlsCertificate _clientCertificate;
    private readonly DtlsContext _serverContext;
    private readonly DtlsContext _clientContext;
    private readonly DatagramWire _toServer = new();
    private readonly DatagramWire _toClient = new();

    public DtlsTransportTests()
    {
        _serverCertificate = DtlsCertificate.Generate(_time);
        _clientCertificate = DtlsCertificate.Generate(_time);
        _serverContext = DtlsContext.Create(_serverCertificate, DtlsRole.Server);
        _clientContext = DtlsContext.Create(_clientCertificate, DtlsRole.Client);
    }

    [Fact]
    public async Task Handshake_gives_both_sides_the_same_srtp_keys()
    {
        using var server = Server(_clientCertificate.Fingerprint);
        using var client = Client(_serverCertificate.Fingerprint);

        Exchange(client, server);

        Assert.Equal(DtlsTransportState.Connected, server.State);
        Assert.Equal(DtlsTransportState.Connected, client.State);
        var serverKeys = await server.Handshake;
        var clientKeys = await client.Handshake;
        Assert.Equal(clientKeys.Client.Key.ToArray(), serverKeys.Client.Key.ToArray());
        Assert.Equal(clientKeys.Client.Salt.ToArray(), serverKeys.Client.Salt.ToArray());
        Assert.Equal(clientKeys.Server.Key.ToArray(), serverKeys.Server.Key.ToArray());
        Assert.Equal(clientKeys.Server.Salt.ToArray(), serverKeys.Server.Salt.ToArray());
        Assert.NotEqual(serverKeys.Client.Key.ToArray(), serverKeys.Server.Key.ToArray());
    }

    [Fact]
    public void Every_handshake_datagram_is_dtls_and_fits_the_mtu()
    {
        using var server = Server(_clientCertificate.Fingerprint);
        using var client = Client(_serverCertificate.Fingerprint);

        Exchange(client, server);

        Assert.NotEmpty(_toClient.Sent);
        Assert.All(_toServer.Sent.Concat(_toClient.Sent), datagram =>
        {
            Assert.InRange(datagram.Length, 1, DtlsTransport.Mtu);
            Assert.Equal(WebRtcPacketKind.Dtls, WebRtcDemultiplexer.Classify(datagram));
        });
    }

    [Fact]
    public async Task Srtp_from_the_client_unprotects_at_the_server_and_back()
    {
        using var server = Server(_clientCertificate.Fingerprint);
        using var client = Client(_serverCertificate.Fingerprint);
        Exchange(client, server);
        var serverKeys = await server.Handshake;
        var clientKeys = await client.Handshake;
        using var clientSends = new SrtpOutboundSession(clientKeys.ForSending(DtlsRole.Client));
        using var serverReceives = new SrtpInboundSession(serverKeys.ForReceiving(DtlsRole.Server));
        using var serverSends = new SrtpOutboundSession(serverKeys.ForSending(DtlsRole.Server));
        using var clientReceives = new SrtpInboundSession(clientKeys.ForReceiving(DtlsRole.Client));
        var fromClient = RtpPackets.Pcmu(10, 0x11111111, firstByte: 1);
        var fromServer = RtpPackets.Pcmu(20, 0x22222222, firstByte: 2);

        clientSends.ProtectRtp(fromClient, RtpPackets.PcmuLength, out var clientLength);
        serverSends.ProtectRtp(fromServer, RtpPackets.PcmuLength, out var serverLength);

        Assert.Equal(SrtpStatus.Ok, serverReceives.UnprotectRtp(fromClient.AsSpan(0, clientLength), out var plainFromClient));
        Assert.Equal(RtpPackets.Pcmu(10, 0x11111111, firstByte: 1)[..RtpPackets.PcmuLength], fromClient[..plainFromClient]);
        Assert.Equal(SrtpStatus.Ok, clientReceives.UnprotectRtp(fromServer.AsSpan(0, serverLength), out var plainFromServer));
        Assert.Equal(RtpPackets.Pcmu(20, 0x22222222, firstByte: 2)[..RtpPackets.PcmuLength], fromServer[..plainFromServer]);
    }

    [Fact]
    public async Task Server_refuses_a_client_certificate_that_is_not_the_one_in_its_sdp()
    {
        var someoneElse = DtlsCertificate.Generate(_time);
        using var server = Server(someoneElse.Fingerprint);
        using var client = Client(_serverCertificate.Fingerprint);

        Exchange(client, server);

        Assert.Equal(DtlsTransportState.Failed, server.State);
        var refusal = await Assert.ThrowsAsync<DtlsHandshakeException>(() => server.Handshake);
        Assert.Contains("does not match the a=fingerprint", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsTransportState.Failed, client.State);
        await Assert.ThrowsAsync<DtlsHandshakeException>(() => client.Handshake);
    }

    [Fact]
    public async Task Client_refuses_a_server_certificate_that_is_not_the_one_in_its_sdp()
    {
        var someoneElse = DtlsCertificate.Generate(_time);
        using var server = Server(_clientCertificate.Fingerprint);
        using var client = Client(someoneElse.Fingerprint);

        Exchange(client, server);

        Assert.Equal(DtlsTransportState.Failed, client.State);
        await Assert.ThrowsAsync<DtlsHandshakeException>(() => client.Handshake);
        Assert.NotEqual(DtlsTransportState.Connected, server.State);
    }

    [Fact]
    public void Disposing_a_connected_transport_sends_close_notify_to_the_peer()
    {
        using var server = Server(_clientCertificate.Fingerprint);
        var client = Client(_serverCertificate.Fingerprint);
        Exchange(client, server);

        client.Dispose();
        _toServer.DeliverTo(server);

        Assert.Equal(DtlsTransportState.Closed, server.State);
    }

    [Fact]
    public async Task Disposing_before_the_handshake_ends_cancels_it()
    {
        var server = Server(_clientCertificate.Fingerprint);

        server.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.Handshake);
        Assert.Equal(DtlsTransportState.Closed, server.State);
    }

    /// <summary>OpenSSL measures its retransmission timeout on the real clock, so this waits its first second.</summary>
    [Fact]
    public async Task Lost_client_hello_is_sent_again_when_the_timer_runs_out()
    {
        DtlsTransport? server = null;
        DtlsTransport? client = null;
        var clientDatagrams = 0;
        using var serverContext = DtlsContext.Create(_serverCertificate, DtlsRole.Server);
        server = new DtlsTransport(serverContext, _clientCertificate.Fingerprint, datagram => client!.ReceiveDatagram(datagram), TimeProvider.System);
        client = new DtlsTransport(_clientContext, _serverCertificate.Fingerprint, datagram =>
        {
            if (Interlocked.Increment(ref clientDatagrams) > 1)
            {
                server.ReceiveDatagram(datagram);
            }
        }, TimeProvider.System);
        using (server)
        using (client)
        {
            client.Start();

            // The bound only keeps a broken build from hanging the run; the retransmission comes after ~1 s.
            await client.Handshake.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(DtlsTransportState.Connected, server.State);
        }
    }

    public void Dispose()
    {
        _serverContext.Dispose();
        _clientContext.Dispose();
    }

    private DtlsTransport Server(CertificateFingerprint expectedClient) => new(_serverContext, expectedClient, _toClient.Sender, _time);

    private DtlsTransport Client(CertificateFingerprint expectedServer) => new(_clientContext, expectedServer, _toServer.Sender, _time);

    private void Exchange(DtlsTransport client, DtlsTransport server)
    {
        client.Start();
        server.Start();
        while (!_toServer.IsEmpty || !_toClient.IsEmpty)
        {
            _toServer.DeliverTo(server);
            _toClient.DeliverTo(client);
        }
    }
}
