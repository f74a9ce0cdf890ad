using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transactions;

public class SipEndpointTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0, SupportedExtensions = ["replaces"] });
    private readonly LoopbackPeer _peer = LoopbackPeer.Udp();

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        _peer.Dispose();
        await _endpoint.DisposeAsync();
    }

    private async Task<SipResponse> Ask(string request)
    {
        await _peer.SendAsync(request, _endpoint.UdpEndPoint);
        return Assert.IsType<SipResponse>(await _peer.ReceiveAsync());
    }

    private static string Invite(string branch = "z9hG4bKinv1", string method = "INVITE") => $"""
        {method} sip:service@127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:{"{port}"};branch={branch};rport
        Max-Forwards: 70
        From: <sip:caller@127.0.0.1>;tag=caller1
        To: <sip:service@127.0.0.1>
        Call-ID: call-{branch}@127.0.0.1
        CSeq: 1 {method}
        Contact: <sip:caller@127.0.0.1:{"{port}"}>
        Content-Length: 0


        """;

    [Fact]
    public async Task Options_is_answered_200_with_the_allowed_methods()
    {
        _endpoint.Handle("INVITE", (_, _) => ValueTask.CompletedTask);

        var response = await Ask(Requests.Options());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("ACK, CANCEL, INVITE, OPTIONS", response.Header("Allow"));
        Assert.Equal("replaces", response.Header("Supported"));
    }

    [Fact]
    public async Task A_method_without_a_handler_is_not_allowed()
    {
        var response = await Ask(Invite(method: "PUBLISH"));

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("ACK, CANCEL, OPTIONS", response.Header("Allow"));
    }

    [Fact]
    public async Task A_request_out_of_hops_is_refused_with_483()
    {
        _endpoint.Handle("INVITE", (_, _) => ValueTask.CompletedTask);

        var response = await Ask(Invite().Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal));

        Assert.Equal(483, response.StatusCode);
    }

    [Fact]
    public async Task A_request_that_carries_our_own_branch_has_looped()
    {
        _endpoint.Handle("INVITE", (_, _) => ValueTask.CompletedTask);
        var looped = Invite().Replace("Max-Forwards: 70", $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={_endpoint.BranchPrefix}1\nMax-Forwards: 70",
            StringComparison.Ordinal);

        var response = await Ask(looped);

        Assert.Equal(482, response.StatusCode);
    }

    [Fact]
    public async Task A_required_extension_we_lack_is_refused_with_420_naming_it()
    {
        _endpoint.Handle("INVITE", (_, _) => ValueTask.CompletedTask);

        var response = await Ask(Invite().Replace("Max-Forwards: 70", "Require: 100rel, replaces\nMax-Forwards: 70", StringComparison.Ordinal));

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("100rel", response.Header("Unsupported"));
    }

    [Fact]
    public async Task A_handler_that_fails_without_answering_becomes_500_and_the_log_names_the_request_and_the_fault()
    {
        var log = new RecordingLogger();
        await using var endpoint = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 }, logger: log);
        await endpoint.StartAsync(CancellationToken.None);
        endpoint.Handle("INVITE", (_, _) => throw new InvalidOperationException("bug in the INVITE handler"));

        await _peer.SendAsync(Invite(), endpoint.UdpEndPoint);
        var response = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal(500, response.StatusCode);
        var entry = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains("SIP INVITE from", entry.Message, StringComparison.Ordinal);
        Assert.Equal("bug in the INVITE handler", entry.Exception?.Message);
    }

    [Fact]
    public async Task Cancel_gets_200_the_invite_487_and_the_core_is_told()
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _endpoint.Handle("INVITE", async (transaction, ct) =>
        {
            await transaction.SendResponseAsync(transaction.CreateResponse(180), ct);
            var invite = Assert.IsType<InviteServerTransaction>(transaction);
            invite.CancellationRequested.Register(() => cancelled.TrySetResult(true));
        });
        var ringing = await Ask(Invite());

        await _peer.SendAsync(Invite(method: "CANCEL").Replace("Contact: <sip:caller@127.0.0.1:{port}>\n", "", StringComparison.Ordinal), _endpoint.UdpEndPoint);
        var first = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());
        var second = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal([(200, "1 CANCEL"), (487, "1 INVITE")], new[] { first, second }.Select(r => (r.StatusCode, r.Header("CSeq"))));
        Assert.True(await cancelled.Task.WaitAsync(PeerWait.Guard));
        Assert.True(ringing.TryGetTo(out var ringingTo));
        Assert.True(first.TryGetTo(out var cancelTo));
        Assert.Equal(ringingTo.Tag.Text(), cancelTo.Tag.Text());
    }

    [Fact]
    public async Task A_bye_sent_right_after_the_200_reaches_the_peer_after_it()
    {
        const int calls = 100;
        _endpoint.Handle("INVITE", async (transaction, ct) =>
        {
            var ok = transaction.CreateResponse(200);
            var contact = _endpoint.ContactUri(transaction.Received.Source);
            ok.Headers.Add("Contact", $"<{contact}>");
            var dialog = Sip.Dialogs.SipDialog.CreateForUas(transaction.Request, ok, contact);
            await transaction.SendResponseAsync(ok, ct);
            _endpoint.SendRequest(dialog.CreateRequest("BYE"), transaction.Received.Source);
        });

        for (var call = 0; call < calls; call++)
            await _peer.SendAsync(Invite($"z9hG4bKorder{call}"), _endpoint.UdpEndPoint);
        var firstSeen = new Dictionary<string, string>();
        var hungUp = new HashSet<string>();
        while (hungUp.Count < calls)
        {
            var message = await _peer.ReceiveAsync();
            var what = message is SipResponse response ? response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "BYE";
            firstSeen.TryAdd(message.Header("Call-ID"), what);
            if (what == "BYE")
                hungUp.Add(message.Header("Call-ID"));
        }

        Assert.Equal(calls, firstSeen.Count);
        Assert.All(firstSeen.Values, first => Assert.Equal("200", first));
    }

    [Fact]
    public async Task An_invite_whose_answer_takes_longer_than_200_ms_gets_100_trying_first()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _endpoint.Handle("INVITE", (transaction, ct) =>
        {
            // The answer waits for the peer to have heard 100 Trying; it comes from the transaction, not the handler.
            _ = AnswerWhenAsync(answer.Task, transaction);
            return ValueTask.CompletedTask;
        });

        var first = await Ask(Invite("z9hG4bKslow"));
        answer.SetResult();
        var final = Assert.IsType<SipResponse>(await _peer.ReceiveAsync());

        Assert.Equal((100, 486), (first.StatusCode, final.StatusCode));
    }

    private static async Task AnswerWhenAsync(Task ready, SipServerTransaction transaction)
    {
        await ready;
        await transaction.SendResponseAsync(transaction.CreateResponse(486), CancellationToken.None);
    }

    [Fact]
    public async Task A_cancel_for_no_invite_gets_481()
    {
        var response = await Ask(Invite(branch: "z9hG4bKnothing", method: "CANCEL"));

        Assert.Equal(481, response.StatusCode);
    }

    [Fact]
    public async Task A_request_sent_to_another_endpoint_returns_its_final_response()
    {
        await using var other = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });
        await other.StartAsync(CancellationToken.None);
        var request = new SipRequest("OPTIONS", $"sip:service@127.0.0.1:{other.UdpEndPoint!.Port}");
        request.Headers.Add("From", "<sip:probe@127.0.0.1>;tag=a1");
        request.Headers.Add("To", "<sip:service@127.0.0.1>");
        request.Headers.Add("Call-ID", "endpoint-to-endpoint@127.0.0.1");
        request.Headers.Add("CSeq", "1 OPTIONS");

        var transaction = await _endpoint.SendRequestAsync(request, CancellationToken.None);
        var response = await transaction.FinalResponse;

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("endpoint-to-endpoint@127.0.0.1", response.Header("Call-ID"));
    }

    [Fact]
    public async Task An_invite_over_tcp_reaches_the_handler_and_its_answer_comes_back_on_the_connection()
    {
        _endpoint.Handle("INVITE", (transaction, ct) => new ValueTask(transaction.SendResponseAsync(transaction.CreateResponse(486), ct)));
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await peer.SendAsync(Invite("z9hG4bKtcpinv").Replace("SIP/2.0/UDP", "SIP/2.0/TCP", StringComparison.Ordinal));

        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal(486, response.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_ringing_invite_ends_it_with_487()
    {
        await using var callee = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });
        callee.Handle("INVITE", (transaction, ct) => new ValueTask(transaction.SendResponseAsync(transaction.CreateResponse(180), ct)));
        await callee.StartAsync(CancellationToken.None);
        var invite = NewRequest("INVITE", $"sip:agent@127.0.0.1:{callee.UdpEndPoint!.Port}");

        var calling = Assert.IsType<InviteClientTransaction>(await _endpoint.SendRequestAsync(invite, CancellationToken.None));
        var cancel = await _endpoint.CancelAsync(calling, CancellationToken.None);

        Assert.NotNull(cancel);
        Assert.Equal(200, (await cancel.FinalResponse.WaitAsync(PeerWait.Guard)).StatusCode);
        Assert.Equal(487, (await calling.FinalResponse.WaitAsync(PeerWait.Guard)).StatusCode);
        Assert.Equal(180, (await calling.ProvisionalResponses.ReadAsync().AsTask().WaitAsync(PeerWait.Guard)).StatusCode);
    }

    [Fact]
    public async Task A_retransmitted_2xx_gets_the_same_ack_again()
    {
        var invite = NewRequest("INVITE", $"sip:agent@127.0.0.1:{_peer.LocalEndPoint.Port}");
        var calling = await _endpoint.SendRequestAsync(invite, CancellationToken.None);
        var received = Assert.IsType<SipRequest>(await _peer.ReceiveAsync());
        var ok = SipResponseBuilder.CreateResponse(received, 200, "callee"u8);
        ok.Headers.Add("Contact", $"<sip:agent@127.0.0.1:{_peer.LocalEndPoint.Port}>");
        var okBytes = SipMessageWriter.ToArray(ok);

        await _peer.SendAsync(okBytes, _endpoint.UdpEndPoint);
        var dialog = Sip.Dialogs.SipDialog.CreateForUac(invite, await calling.FinalResponse, _endpoint.ContactUri(new SipTransportAddress(SipTransportKind.Udp, _peer.LocalEndPoint)));
        await _endpoint.SendAckAsync(dialog.CreateAck(1), CancellationToken.None);
        var firstAck = Assert.IsType<SipRequest>(await _peer.ReceiveAsync());
        await _peer.SendAsync(okBytes, _endpoint.UdpEndPoint);
        var secondAck = Assert.IsType<SipRequest>(await _peer.ReceiveAsync());

        Assert.True(firstAck.IsMethod(SipMethods.Ack));
        Assert.Equal(SipMessageWriter.ToArray(firstAck), SipMessageWriter.ToArray(secondAck));
    }

    private static SipRequest NewRequest(string method, string uri)
    {
        var request = new SipRequest(method, uri);
        request.Headers.Add("From", "<sip:service@127.0.0.1>;tag=ours1");
        request.Headers.Add("To", $"<{uri}>");
        request.Headers.Add("Call-ID", $"{Guid.NewGuid():N}@127.0.0.1");
        request.Headers.Add("CSeq", $"1 {method}");
        request.Headers.Add("Contact", "<sip:service@127.0.0.1>");
        return request;
    }

    [Fact]
    public void The_contact_uri_names_the_transport_and_port()
    {
        Assert.Equal($"sip:agent@127.0.0.1:{_endpoint.TcpEndPoint!.Port};transport=tcp", _endpoint.ContactUri(new SipTransportAddress(SipTransportKind.Tcp, _peer.LocalEndPoint), "agent"));
        Assert.Equal(_endpoint.UdpEndPoint!.Port, _endpoint.TcpEndPoint.Port);
    }
}
