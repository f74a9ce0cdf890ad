using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Benchmarks;

/// <summary>
/// One request's whole trip through a real endpoint on loopback: a peer sends an OPTIONS (a new transaction each
/// time: its branch and Call-ID carry a counter), the endpoint's UDP loop receives and parses it, the dispatcher
/// makes a server transaction and answers 200 OK, and the peer receives the answer. The allocations are the whole
/// process's, so the endpoint's receive loop and dispatcher are counted; the peer allocates nothing.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes them in the global cleanup")]
public class SipEndpointBenchmarks
{
    private const string CounterMark = "0000000000";

    private readonly byte[] _answer = new byte[4096];
    private SipEndpoint _endpoint = null!;
    private Socket _peer = null!;
    private byte[] _request = [];
    private int[] _counterOffsets = [];
    private long _sent;

    [GlobalSetup]
    public async Task Setup()
    {
        _endpoint = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });
        await _endpoint.StartAsync(CancellationToken.None).ConfigureAwait(false);
        _peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _peer.Connect(_endpoint.UdpEndPoint!);
        _peer.ReceiveTimeout = 5000;
        var port = ((IPEndPoint)_peer.LocalEndPoint!).Port;
        var text =
            $"OPTIONS sip:switchboard@{_endpoint.UdpEndPoint} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{CounterMark}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:monitor@127.0.0.1:{port}>;tag=1928301774\r\n" +
            $"To: <sip:switchboard@{_endpoint.UdpEndPoint}>\r\n" +
            $"Call-ID: {CounterMark}@127.0.0.1\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "Accept: application/sdp\r\n" +
            "Content-Length: 0\r\n\r\n";
        _request = Encoding.ASCII.GetBytes(text);
        var offsets = new List<int>();
        for (var at = text.IndexOf(CounterMark, StringComparison.Ordinal); at >= 0; at = text.IndexOf(CounterMark, at + 1, StringComparison.Ordinal))
            offsets.Add(at);
        _counterOffsets = [.. offsets];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _peer.Dispose();
        await _endpoint.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public int OptionsAnswered()
    {
        var counter = ++_sent;
        foreach (var offset in _counterOffsets)
            counter.TryFormat(_request.AsSpan(offset, CounterMark.Length), out _, "D10", System.Globalization.CultureInfo.InvariantCulture);
        _peer.Send(_request);
        return _peer.Receive(_answer);
    }
}
