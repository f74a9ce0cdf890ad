using System.Net;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transport;

/// <summary>What one TCP peer may hold of an endpoint: neither the SIP core, nor connections, nor time without end.</summary>
public class TcpPeerLimitsTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions
    {
        Address = IPAddress.Loopback,
        Port = 0,
        Tcp = new SipTcpOptions
        {
            IdleTimeout = TimeSpan.FromMinutes(1),
            IncompleteMessageTimeout = TimeSpan.FromSeconds(1),
            MaxConnections = 4,
            MaxConnectionsPerAddress = 2,
        },
    });

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Fact]
    public async Task A_tcp_peer_that_never_reads_its_answers_is_cut_off_while_udp_requests_are_answered()
    {
        // Finding 2: 30,000 OPTIONS and nothing read; the answers were awaited on the one dispatcher loop.
        using var stuck = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!, receiveBufferBytes: 4096);
        using var udp = LoopbackPeer.Udp();
        var cutOff = false;
        for (var batch = 0; batch < 30 && !cutOff; batch++)
        {
            var requests = Enumerable.Range(0, 1000)
                .SelectMany(i => LoopbackPeer.Wire(Requests.Options($"z9hG4bKflood{batch}x{i}", "TCP"), stuck.LocalEndPoint.Port))
                .ToArray();
            cutOff = !await TrySendAsync(stuck, requests);
        }

        await udp.SendAsync(Requests.Options("z9hG4bKudpprobe"), _endpoint.UdpEndPoint);

        var answer = Assert.IsType<SipResponse>(await udp.ReceiveAsync());
        Assert.Equal((200, "z9hG4bKudpprobe@127.0.0.1"), (answer.StatusCode, answer.Header("Call-ID")));
        Assert.True(cutOff || await stuck.IsClosedByServerAsync());
    }

    [Fact]
    public async Task An_idle_tcp_connection_is_closed()
    {
        // Finding 3: idle connections were never closed, until 19,800 of them took every file descriptor.
        await using var endpoint = new SipEndpoint(new SipEndpointOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Tcp = new SipTcpOptions { IdleTimeout = TimeSpan.FromSeconds(1) },
        });
        await endpoint.StartAsync(CancellationToken.None);
        using var idle = await LoopbackPeer.TcpAsync(endpoint.TcpEndPoint!);

        Assert.True(await idle.IsClosedByServerAsync());
    }

    [Fact]
    public async Task A_tcp_message_that_never_completes_closes_its_connection_long_before_the_idle_timeout()
    {
        // Finding 3: Content-Length 60000 with 10 bytes of body sent, then nothing.
        using var slow = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        var request = Requests.Options("z9hG4bKslow", "TCP").Replace("Content-Length: 0\n\n", "Content-Length: 60000\n\n0123456789", StringComparison.Ordinal);

        await slow.SendAsync(request);
        // A trickle of bytes is traffic, but the message still does not end: it does not keep the connection open.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await slow.SendAsync("abc");

        Assert.True(await slow.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Connections_beyond_the_caps_per_address_and_in_total_are_closed_and_the_others_answered()
    {
        using var first = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        using var second = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!);
        var thirdFromSameAddressClosed = await IsClosedAtOnceAsync(IPAddress.Loopback);
        using var otherAddress = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!, IPAddress.Parse("127.0.0.2"));
        using var fourth = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!, IPAddress.Parse("127.0.0.3"));
        var beyondTotalClosed = await IsClosedAtOnceAsync(IPAddress.Parse("127.0.0.4"));

        Assert.True(thirdFromSameAddressClosed, "a third connection from 127.0.0.1 stays open");
        Assert.True(beyondTotalClosed, "a fifth connection stays open");
        foreach (var (peer, branch) in new[] { (first, "z9hG4bKcap1"), (otherAddress, "z9hG4bKcap2"), (fourth, "z9hG4bKcap3") })
        {
            await peer.SendAsync(Requests.Options(branch, "TCP"));
            Assert.Equal(200, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
        }
    }

    /// <summary>Whether a connection from <paramref name="from"/> is reset or closed by the server without having sent anything.</summary>
    private async Task<bool> IsClosedAtOnceAsync(IPAddress from)
    {
        try
        {
            using var peer = await LoopbackPeer.TcpAsync(_endpoint.TcpEndPoint!, from);
            return await peer.IsClosedByServerAsync();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return true;
        }
    }

    private static async Task<bool> TrySendAsync(LoopbackPeer peer, byte[] data)
    {
        try
        {
            await peer.SendAsync(data);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
