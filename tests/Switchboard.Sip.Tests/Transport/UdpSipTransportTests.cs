using System.Net;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transport;

public class UdpSipTransportTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });
    private readonly LoopbackPeer _peer = LoopbackPeer.Udp();

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        _peer.Dispose();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task A_malformed_request_gets_a_400_saying_what_was_wrong()
    {
        await _peer.SendAsync("""
            INVITE sip:service@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKbad1
            Max-Forwards: 70
            From: <sip:probe@127.0.0.1>;tag=probe1
            To: <sip:service@127.0.0.1>
            Call-ID: bad1@127.0.0.1
            CSeq: 1 OPTIONS
            Content-Length: 0


            """, _endpoint.UdpEndPoint);

        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("CSeq method does not match the request method", response.ReasonPhrase.Text());
        Assert.Equal("bad1@127.0.0.1", response.Header("Call-ID"));
        Assert.True(response.TryGetTo(out var to) && to.HasTag);
    }

    [Fact]
    public async Task Garbage_and_malformed_responses_are_dropped_and_the_next_request_is_answered()
    {
        await _peer.SendAsync("\u0001\u0002 this is not SIP\n\n", _endpoint.UdpEndPoint);
        await _peer.SendAsync("SIP/2.0 200 OK\nVia: nonsense\n\n", _endpoint.UdpEndPoint);
        await _peer.SendAsync("OPTIONS sip:service@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1", _endpoint.UdpEndPoint);
        await _peer.SendAsync(Requests.Options(), _endpoint.UdpEndPoint);

        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("1 OPTIONS", response.Header("CSeq"));
    }

    [Fact]
    public async Task The_response_names_the_source_address_and_port_in_received_and_rport()
    {
        await _peer.SendAsync(Requests.Options().Replace("127.0.0.1:{port}", "192.0.2.1:5999", StringComparison.Ordinal), _endpoint.UdpEndPoint);

        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.True(response.TryGetVias(out var vias));
        Assert.Equal("127.0.0.1", vias[0].Received.Text());
        Assert.Equal(_peer.LocalEndPoint.Port, vias[0].RPort);
        Assert.Equal("z9hG4bKopt1", vias[0].Branch.Text());
    }
}
