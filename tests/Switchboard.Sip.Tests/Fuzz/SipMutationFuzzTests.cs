using System.Net;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Xunit.Abstractions;

namespace Switchboard.Sip.Tests.Fuzz;

/// <summary>
/// The bounded mutation fuzz run (issue 10): mutated RFC 4475 messages and captured real ones, over UDP and TCP, to
/// a running endpoint that answers REGISTER, INVITE and BYE; after every 300 inputs OPTIONS must still be answered
/// over both. Seeded, so a failure replays. About 45 s: the one slow test of this project, because volume is the point.
/// </summary>
public class SipMutationFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions
    {
        Address = IPAddress.Loopback,
        Port = 0,
        // Fuzzing connections come and go by the thousand; the run checks that they leave nothing behind.
        Tcp = new SipTcpOptions { IncompleteMessageTimeout = TimeSpan.FromSeconds(2), MaxConnectionsPerAddress = 1_000 },
    });

    public Task InitializeAsync()
    {
        _endpoint.Handle("REGISTER", (transaction, cancellationToken) => Answer(transaction, 200, cancellationToken));
        _endpoint.Handle("INVITE", (transaction, cancellationToken) => Answer(transaction, 486, cancellationToken));
        _endpoint.Handle("BYE", (transaction, cancellationToken) => Answer(transaction, 200, cancellationToken));
        return _endpoint.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Fact]
    public async Task Tens_of_thousands_of_mutated_messages_over_udp_and_tcp_leave_sip_answering()
    {
        var settings = FuzzSettings.FromEnvironment();
        var run = new SipFuzzRun(_endpoint.UdpEndPoint!, _endpoint.TcpEndPoint!, () => _endpoint.StoppedListeners, settings);

        var report = await run.RunAsync(Corpus(), CancellationToken.None);

        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.True(report.AnswersByStatus.Count > 0, "the fuzzing peers got no answer at all: " + report);
    }

    private static ValueTask Answer(SipServerTransaction transaction, int status, CancellationToken cancellationToken) =>
        new(transaction.SendResponseAsync(transaction.CreateResponse(status), cancellationToken));

    /// <summary>Every RFC 4475 message, the captures of real peers, and a few everyday requests written here.</summary>
    private static List<byte[]> Corpus()
    {
        var folder = AppContext.BaseDirectory;
        return
        [
            .. Directory.GetFiles(Path.Combine(folder, "TortureMessages"), "*.dat").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            .. Directory.GetFiles(Path.Combine(folder, "Captures"), "*.sip").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            LoopbackPeer.Wire(Requests.Options("z9hG4bKcorpus1"), 5060),
            LoopbackPeer.Wire(Requests.Options("z9hG4bKcorpus2", extraHeaders: "Require: 100rel\nRoute: <sip:127.0.0.1;lr>\n"), 5060),
            LoopbackPeer.Wire(Requests.Options("z9hG4bKcorpus3").Replace("OPTIONS", "BYE", StringComparison.Ordinal), 5060),
            LoopbackPeer.Wire(Requests.Options("z9hG4bKcorpus4").Replace("OPTIONS", "CANCEL", StringComparison.Ordinal), 5060),
            LoopbackPeer.Wire(Requests.Options("z9hG4bKcorpus5").Replace("OPTIONS", "ACK", StringComparison.Ordinal), 5060),
            LoopbackPeer.Wire("SIP/2.0 200 OK\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKstray\nFrom: <sip:a@127.0.0.1>;tag=1\n" +
                "To: <sip:b@127.0.0.1>;tag=2\nCall-ID: stray@127.0.0.1\nCSeq: 1 INVITE\nContent-Length: 0\n\n", 5060),
        ];
    }
}
