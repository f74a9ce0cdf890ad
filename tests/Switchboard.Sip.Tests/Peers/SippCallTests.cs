using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Peers;

public class SippCallTests : IAsyncLifetime
{
    private const string Answer = "v=0\r\no=switchboard 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions
    {
        Address = IPAddress.Loopback,
        Port = 0,
        // Timer I (T4) ends a confirmed INVITE transaction; short here so the CANCEL test sees it end.
        Timers = new SipTimerOptions { T4 = TimeSpan.FromMilliseconds(200) },
    });

    private readonly ConcurrentQueue<string> _seen = new();
    private readonly TaskCompletionSource<SipDialog> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InviteServerTransaction> _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _endpoint.Handle("INVITE", AnswerAsync);
        _endpoint.Handle("BYE", async (transaction, ct) =>
        {
            var dialog = await PeerWait.WithinAsync(_answered.Task, "the answer before the BYE", () => string.Join(", ", _seen), ct);
            _seen.Enqueue(dialog.TryAcceptRequest(transaction.Request) ? "BYE in dialog" : "BYE out of order");
            await transaction.SendResponseAsync(transaction.CreateResponse(200), ct);
        });
        _endpoint.AckReceived = (ack, _) =>
        {
            _seen.Enqueue("ACK " + ack.Message.Header("CSeq"));
            return ValueTask.CompletedTask;
        };
        await _endpoint.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    /// <summary>Rings, then answers with SDP — or, for the CANCEL scenario (no SDP offer), keeps ringing until cancelled.</summary>
    private async ValueTask AnswerAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        _seen.Enqueue("INVITE");
        await transaction.SendResponseAsync(transaction.CreateResponse(180), cancellationToken);
        var invite = Assert.IsType<InviteServerTransaction>(transaction);
        if (transaction.Request.Body.IsEmpty)
        {
            invite.CancellationRequested.Register(() => _cancelled.TrySetResult(invite));
            return;
        }
        var ok = transaction.CreateResponse(200);
        var contact = _endpoint.ContactUri(transaction.Remote, "service");
        ok.Headers.Add("Contact", $"<{contact}>");
        ok.Headers.Add("Content-Type", "application/sdp");
        ok.Body = Encoding.ASCII.GetBytes(Answer);
        await transaction.SendResponseAsync(ok, cancellationToken);
        _answered.TrySetResult(SipDialog.CreateForUas(transaction.Request, ok, contact));
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_sipp_call_is_rung_answered_acknowledged_and_hung_up(string transport)
    {
        using var directory = new TemporaryDirectory();

        var run = await Sipp.RunAsync(_endpoint.UdpEndPoint!, "uac", transport, directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SIP/2.0 180 Ringing", run.Messages, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 200 OK", run.Messages, StringComparison.Ordinal);
        Assert.Equal(["INVITE", "ACK 1 ACK", "BYE in dialog"], _seen);
        Assert.Equal(0, _endpoint.SuccessRetransmissions.Count);
    }

    [Fact]
    public async Task A_sipp_cancel_after_ringing_gets_200_the_invite_487_and_its_ack_is_absorbed()
    {
        using var directory = new TemporaryDirectory();

        // No retransmissions from sipp on loopback: a CANCEL repeated because its 200 was merely slow (a busy machine)
        // would draw a second 200 while the scenario watches for a repeated 487, and abort the call.
        var run = await Sipp.RunAsync(_endpoint.UdpEndPoint!, SippScenarios.CancelAfterRinging, "u1", directory, ["-nr"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SIP/2.0 487 Request Terminated", run.Messages, StringComparison.Ordinal);
        var invite = await PeerWait.WithinAsync(_cancelled.Task, "the INVITE to be cancelled", run.ToString);
        Assert.Equal(SipTransactionFailure.None, await PeerWait.WithinAsync(invite.Ended, "the cancelled INVITE's transaction to end", run.ToString));
        Assert.Equal(["INVITE"], _seen);
    }

    [Fact]
    public async Task A_call_to_sipp_is_answered_acknowledged_and_hung_up_through_the_dialog()
    {
        using var directory = new TemporaryDirectory();
        var port = FreePort.Find();
        await using var sipp = await Sipp.StartAsync(null, "uas", "u1", port, directory);
        var invite = new SipRequest("INVITE", $"sip:service@127.0.0.1:{port}");
        invite.Headers.Add("From", "<sip:switchboard@127.0.0.1>;tag=" + Encoding.ASCII.GetString(SipTag.Create()));
        invite.Headers.Add("To", "<sip:service@127.0.0.1>");
        invite.Headers.Add("Call-ID", $"{Guid.NewGuid():N}@127.0.0.1");
        invite.Headers.Add("CSeq", "1 INVITE");
        var contact = _endpoint.ContactUri(new Sip.Transport.SipTransportAddress(Sip.Transport.SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port)), "switchboard");
        invite.Headers.Add("Contact", $"<{contact}>");
        invite.Headers.Add("Content-Type", "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes(Answer);

        var calling = (InviteClientTransaction)await _endpoint.SendRequestAsync(invite, CancellationToken.None);
        var ok = await PeerWait.WithinAsync(calling.FinalResponse, "sipp's answer to the INVITE", () => sipp.Output);
        var dialog = SipDialog.CreateForUac(invite, ok, contact);
        await _endpoint.SendAckAsync(dialog.CreateAck(1), CancellationToken.None);
        var bye = await _endpoint.SendRequestAsync(dialog.CreateRequest("BYE"), CancellationToken.None);
        var byeResponse = await PeerWait.WithinAsync(bye.FinalResponse, "sipp's answer to the BYE", () => sipp.Output);
        var run = await sipp.WaitAsync();

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(200, byeResponse.StatusCode);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CSeq: 2 BYE", run.Messages, StringComparison.Ordinal);
    }
}
