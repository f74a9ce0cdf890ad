using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests;

/// <summary>What an endpoint counts on its meter, seen by a listener as an exporter would, with peers over real sockets.</summary>
public sealed class SipMetricsTests : IAsyncLifetime
{
    private const string Received = "switchboard.sip.messages.received";
    private const string Sent = "switchboard.sip.messages.sent";
    private const string Dropped = "switchboard.sip.messages.dropped";
    private const string TimedOut = "switchboard.sip.transactions.timed_out";
    private static readonly SipTimerOptions Timers = new();

    private readonly Meter _meter = new(SipMetrics.MeterName);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordedMeasurements _measurements;
    private readonly SipEndpoint _endpoint;
    private readonly LoopbackPeer _peer = LoopbackPeer.Udp();

    public SipMetricsTests()
    {
        _measurements = new RecordedMeasurements(_meter);
        _endpoint = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0, Timers = Timers }, _time, metrics: new SipMetrics(_meter));
    }

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        _peer.Dispose();
        await _endpoint.DisposeAsync();
        _measurements.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public async Task A_request_in_and_its_response_out_are_counted_by_transport_and_kind_and_a_malformed_datagram_and_one_over_the_line_limit_as_dropped()
    {
        await _peer.SendAsync("\u0001\u0002 not SIP at all\r\n\r\n"u8.ToArray(), _endpoint.UdpEndPoint);
        await _peer.SendAsync(Encoding.ASCII.GetBytes($"OPTIONS sip:service@127.0.0.1 SIP/2.0\r\nX-Long: {new string('a', SipParserLimits.Default.MaxLineLength)}\r\n\r\n"),
            _endpoint.UdpEndPoint);
        await _peer.SendAsync(Requests.Options(), _endpoint.UdpEndPoint);
        var answers = new List<int>();
        do
            answers.Add(Assert.IsType<SipResponse>(await _peer.ReceiveAsync()).StatusCode);
        while (answers[^1] != 200);

        Assert.Equal(1, _measurements.Sum(Received, "network.transport=udp", "sip.message.kind=request"));
        Assert.Equal(0, _measurements.Sum(Received, "network.transport=udp", "sip.message.kind=response"));
        Assert.Equal(answers.Count, await _measurements.SumWhenAsync(answers.Count, Sent, "network.transport=udp", "sip.message.kind=response"));
        Assert.Equal(1, _measurements.Sum(Dropped, "network.transport=udp", "sip.drop.reason=malformed"));
        Assert.Equal(1, _measurements.Sum(Dropped, "network.transport=udp", "sip.drop.reason=over_limits"));
    }

    [Fact]
    public async Task A_request_received_over_tcp_and_its_response_are_counted_on_tcp()
    {
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await peer.SendAsync(Requests.Options(transport: "TCP"));
        Assert.Equal(200, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);

        Assert.Equal(1, _measurements.Sum(Received, "network.transport=tcp", "sip.message.kind=request"));
        Assert.Equal(1, await _measurements.SumWhenAsync(1, Sent, "network.transport=tcp", "sip.message.kind=response"));
        Assert.Equal(0, _measurements.Sum(Received, "network.transport=udp", "sip.message.kind=request"));
    }

    [Theory]
    [InlineData("INVITE", "B")]
    [InlineData("OPTIONS", "F")]
    public async Task A_request_sent_to_a_peer_that_never_answers_times_out_and_is_counted_by_its_timer(string method, string timer)
    {
        var uri = $"sip:agent@127.0.0.1:{_peer.LocalEndPoint.Port}";
        var request = new SipRequest(method, uri);
        request.Headers.Add("From", "<sip:service@127.0.0.1>;tag=ours1");
        request.Headers.Add("To", $"<{uri}>");
        request.Headers.Add("Call-ID", $"{Guid.NewGuid():N}@127.0.0.1");
        request.Headers.Add("CSeq", $"1 {method}");
        request.Headers.Add("Contact", "<sip:service@127.0.0.1>");
        var transaction = await _endpoint.SendRequestAsync(request, CancellationToken.None);
        await _peer.ReceiveAsync();

        _time.Advance(Timers.TransactionTimeout);

        Assert.Equal(SipTransactionFailure.Timeout, await transaction.Ended.WaitAsync(PeerWait.Guard));
        Assert.Equal(1, _measurements.Sum(TimedOut, $"sip.timer={timer}"));
    }

    [Theory]
    [InlineData(486, "H")]
    [InlineData(200, "2xx_ack")]
    public async Task A_final_response_to_an_invite_that_the_peer_never_acks_is_counted_by_its_timer(int status, string timer)
    {
        _endpoint.Handle("INVITE", (transaction, ct) => new ValueTask(transaction.SendResponseAsync(transaction.CreateResponse(status), ct)));
        await _peer.SendAsync($$"""
            INVITE sip:service@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKnoack;rport
            Max-Forwards: 70
            From: <sip:caller@127.0.0.1>;tag=caller1
            To: <sip:service@127.0.0.1>
            Call-ID: never-acked@127.0.0.1
            CSeq: 1 INVITE
            Contact: <sip:caller@127.0.0.1:{port}>
            Content-Length: 0


            """, _endpoint.UdpEndPoint);
        Assert.Equal(status, Assert.IsType<SipResponse>(await _peer.ReceiveAsync()).StatusCode);

        _time.Advance(Timers.TransactionTimeout);

        Assert.Equal(1, _measurements.Sum(TimedOut, $"sip.timer={timer}"));
        Assert.Equal(0, _measurements.Sum(TimedOut, $"sip.timer={(timer == "H" ? "2xx_ack" : "H")}"));
    }
}
