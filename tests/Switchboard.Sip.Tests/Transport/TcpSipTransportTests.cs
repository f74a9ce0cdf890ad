using System.Net;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transport;

public class TcpSipTransportTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Fact]
    public async Task Messages_split_across_and_packed_into_segments_are_each_answered_on_the_same_connection()
    {
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        var first = LoopbackPeer.Wire(Requests.Options("z9hG4bKtcp1", "TCP"), peer.LocalEndPoint.Port);
        var second = LoopbackPeer.Wire(Requests.Options("z9hG4bKtcp2", "TCP"), peer.LocalEndPoint.Port);
        var third = LoopbackPeer.Wire(Requests.Options("z9hG4bKtcp3", "TCP"), peer.LocalEndPoint.Port);

        await peer.SendAsync([.. "\r\n\r\n"u8, .. first, .. second[..40]]);
        await peer.SendAsync([.. second[40..], .. third]);

        var answered = new List<string>();
        for (var i = 0; i < 3; i++)
            answered.Add((await peer.ReceiveAsync()).Header("Call-ID"));
        Assert.Equal(["z9hG4bKtcp1@127.0.0.1", "z9hG4bKtcp2@127.0.0.1", "z9hG4bKtcp3@127.0.0.1"], answered);
    }

    [Fact]
    public async Task A_connection_that_loses_sync_is_closed_and_others_carry_on()
    {
        using var broken = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        using var healthy = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await broken.SendAsync("OPTIONS sip:service@127.0.0.1 SIP/2.0\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKnolen\nContent-Length: many\n\n");
        await healthy.SendAsync(Requests.Options("z9hG4bKtcp4", "TCP"));

        Assert.True(await broken.IsClosedByServerAsync());
        Assert.Equal(200, Assert.IsType<SipResponse>(await healthy.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task A_framed_but_malformed_request_gets_a_400_and_the_connection_stays_open()
    {
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);

        await peer.SendAsync(Requests.Options("z9hG4bKtcp5", "TCP", extraHeaders: "Max-Forwards: lots\n"));
        await peer.SendAsync(Requests.Options("z9hG4bKtcp6", "TCP"));

        // The 400 comes from the transport, the 200 from the core: their order on the wire is not defined.
        var responses = new[] { await peer.ReceiveAsync(), await peer.ReceiveAsync() }.Cast<SipResponse>();
        Assert.Equal([("z9hG4bKtcp5@127.0.0.1", 400), ("z9hG4bKtcp6@127.0.0.1", 200)],
            responses.Select(r => (r.Header("Call-ID"), r.StatusCode)).Order());
    }

    [Fact]
    public async Task A_request_whose_400_cannot_copy_its_call_id_leaves_the_connection_answering()
    {
        using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        var options = LoopbackPeer.Wire(Requests.Options("z9hG4bKtcplf", "TCP"), peer.LocalEndPoint.Port);

        await peer.SendAsync(UdpSipTransportTests.BareLineFeedInCallId(options));
        await peer.SendAsync(Requests.Options("z9hG4bKtcp7", "TCP"));

        // The 400 (without the Call-ID it cannot copy) and the 200 may come in either order.
        var answers = new[] { await peer.ReceiveTextAsync(), await peer.ReceiveTextAsync() };
        Assert.Single(answers, a => a.StartsWith("SIP/2.0 400 Bare CR or LF in the headers\r\n", StringComparison.Ordinal));
        Assert.Single(answers, a => a.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal) && a.Contains("z9hG4bKtcp7@127.0.0.1", StringComparison.Ordinal));
    }
}
