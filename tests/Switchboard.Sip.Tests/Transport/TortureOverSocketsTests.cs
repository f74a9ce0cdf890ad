using System.Net;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transport;

/// <summary>RFC 4475 messages sent to a running endpoint, answered as the RFC says a UAS answers them.</summary>
public class TortureOverSocketsTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });

    public Task InitializeAsync()
    {
        _endpoint.Handle("REGISTER", (transaction, cancellationToken) =>
            new ValueTask(transaction.SendResponseAsync(transaction.CreateResponse(200), cancellationToken)));
        return _endpoint.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Theory]
    // §3.1.2.14: a SIP version this endpoint does not speak.
    [InlineData("badvers.dat", 505, "badvers.31417@c.example.com")]
    // §3.3.2: a Request-URI scheme this endpoint does not know.
    [InlineData("unkscm.dat", 416, "unkscm.nasdfasser0q239nwsdfasdkl34")]
    public async Task A_torture_request_over_tcp_gets_the_answer_the_rfc_gives(string file, int status, string callId)
    {
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await peer.SendAsync(TestMessages.Torture(file));

        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal((status, callId), (response.StatusCode, response.Header("Call-ID")));
    }

    [Theory]
    // §3.3.1 (insuf): no From, To or Call-ID; "ideally, it will respond with a 400", with what it can copy.
    [InlineData("insuf.dat", "SIP/2.0 400 Missing From\r\n", "CSeq: 193942 INVITE")]
    // §3.1.2.1 (badinv01): empty Via and Contact parameters; the 400 goes back where the request came from.
    [InlineData("badinv01.dat", "SIP/2.0 400 Bad Via\r\n", "Call-ID: badinv01.0ha0isndaksdjasdf3234nas")]
    public async Task A_malformed_torture_request_gets_a_400_at_its_source_over_udp_and_tcp(string file, string statusLine, string copied)
    {
        using var udp = LoopbackPeer.Udp();
        using var tcp = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await udp.SendAsync(TestMessages.Torture(file), _endpoint.UdpEndPoint);
        await tcp.SendAsync(TestMessages.Torture(file));

        foreach (var answer in new[] { await udp.ReceiveTextAsync(), await tcp.ReceiveTextAsync() })
        {
            Assert.StartsWith(statusLine, answer, StringComparison.Ordinal);
            Assert.Contains(copied, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_valid_register_before_trailing_bytes_on_a_tcp_stream_is_answered()
    {
        // §3.1.1.8 (dblreq): a REGISTER, then an INVITE whose body is 5 bytes longer than its Content-Length.
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await peer.SendAsync(TestMessages.Torture("dblreq.dat"));

        var answers = new List<SipMessage> { await peer.ReceiveAsync(), await peer.ReceiveAsync() };
        var register = Assert.Single(answers, a => a.Header("Call-ID") == "dblreq.0ha0isndaksdj99sdfafnl3lk233412");
        Assert.Equal(200, Assert.IsType<SipResponse>(register).StatusCode);
    }
}
