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
        await _peer.SendAsync("OPTIONS sip:service@127.0.0.1 SIP/2.0\nMax-Forwards: 70", _endpoint.UdpEndPoint);
        await _peer.SendAsync(Requests.Options(), _endpoint.UdpEndPoint);

        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("1 OPTIONS", response.Header("CSeq"));
    }

    [Fact]
    public async Task A_request_whose_400_cannot_copy_its_call_id_does_not_stop_udp_sip()
    {
        // Finding 1: a bare LF inside Call-ID; building the 400 from it threw and ended the receive loop.
        var options = LoopbackPeer.Wire(Requests.Options("z9hG4bKbarelf"), _peer.LocalEndPoint.Port);
        await _peer.SendAsync(BareLineFeedInCallId(options), _endpoint.UdpEndPoint);
        await _peer.SendAsync(Requests.Options("z9hG4bKafter"), _endpoint.UdpEndPoint);

        // The 400 leaves out the Call-ID it cannot copy; the next request is answered as usual.
        var badRequest = await _peer.ReceiveTextAsync();
        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.StartsWith("SIP/2.0 400 Bare CR or LF in the headers\r\n", badRequest, StringComparison.Ordinal);
        Assert.DoesNotContain("Call-ID", badRequest, StringComparison.Ordinal);
        Assert.Equal((200, "z9hG4bKafter@127.0.0.1"), (response.StatusCode, response.Header("Call-ID")));
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

    /// <summary>The same request with "Call-ID: abc\ndef": a line break inside a header value.</summary>
    internal static byte[] BareLineFeedInCallId(byte[] request)
    {
        var text = System.Text.Encoding.ASCII.GetString(request);
        var start = text.IndexOf("Call-ID: ", StringComparison.Ordinal) + "Call-ID: ".Length;
        var end = text.IndexOf("\r\n", start, StringComparison.Ordinal);
        return System.Text.Encoding.ASCII.GetBytes(text[..start] + "abc\ndef" + text[end..]);
    }
}
