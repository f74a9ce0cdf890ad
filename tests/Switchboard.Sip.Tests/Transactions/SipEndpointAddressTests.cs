using System.Net;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>
/// An endpoint bound to all addresses (0.0.0.0) with a peer on 127.0.0.1: the address it writes for itself is the
/// one the peer reaches it on, never another interface's or the machine's name; an advertised host (an external
/// address behind NAT) is written instead when set.
/// </summary>
public class SipEndpointAddressTests
{
    private const string External = "203.0.113.7";

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData(External, External)]
    public async Task A_request_to_a_peer_on_loopback_names_the_address_it_reaches_in_Via_and_Contact(string? advertised, string expected)
    {
        // The peer goes last: nothing the endpoint still sends can reach a test that takes its port next.
        using var peer = LoopbackPeer.Udp();
        await using var endpoint = await StartAsync(advertised);
        var uri = $"sip:agent@127.0.0.1:{peer.LocalEndPoint.Port}";
        var request = new SipRequest("OPTIONS", uri);
        request.Headers.Add("From", "<sip:switchboard@127.0.0.1>;tag=ours1");
        request.Headers.Add("To", $"<{uri}>");
        request.Headers.Add("Call-ID", $"{Guid.NewGuid():N}@switchboard");
        request.Headers.Add("CSeq", "1 OPTIONS");

        await endpoint.SendRequestAsync(request, CancellationToken.None);
        var received = Assert.IsType<SipRequest>(await peer.ReceiveAsync());

        Assert.True(received.TryGetVias(out var vias));
        Assert.Equal(expected, vias[0].Host.Text());
        Assert.Equal($"sip:switchboard@{expected}:{endpoint.UdpEndPoint!.Port}", endpoint.ContactUri(new(SipTransportKind.Udp, peer.LocalEndPoint), "switchboard"));
    }

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData(External, External)]
    public async Task An_answer_to_a_peer_on_loopback_names_the_address_it_reached_in_its_Contact(string? advertised, string expected)
    {
        using var peer = LoopbackPeer.Udp();
        await using var endpoint = await StartAsync(advertised);
        endpoint.Handle("OPTIONS", async (transaction, cancellationToken) =>
        {
            var ok = transaction.CreateResponse(200);
            ok.Headers.Add("Contact", $"<{endpoint.ContactUri(transaction.Remote, "service")}>");
            await transaction.SendResponseAsync(ok, cancellationToken);
        });

        await peer.SendAsync("""
            OPTIONS sip:service@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKaddr1;rport
            Max-Forwards: 70
            From: <sip:caller@127.0.0.1>;tag=caller1
            To: <sip:service@127.0.0.1>
            Call-ID: addr1@127.0.0.1
            CSeq: 1 OPTIONS
            Contact: <sip:caller@127.0.0.1:{port}>
            Content-Length: 0


            """, new IPEndPoint(IPAddress.Loopback, endpoint.UdpEndPoint!.Port));
        var ok = Assert.IsType<SipResponse>(await peer.ReceiveAsync());

        Assert.Equal(200, ok.StatusCode);
        Assert.True(ok.TryGetContacts(out var contacts));
        Assert.Equal($"sip:service@{expected}:{endpoint.UdpEndPoint.Port}", contacts.Contacts[0].Uri.ToString());
    }

    private static async Task<SipEndpoint> StartAsync(string? advertised)
    {
        var endpoint = new SipEndpoint(new SipEndpointOptions { Address = IPAddress.Any, Port = 0, AdvertisedHost = advertised });
        await endpoint.StartAsync(CancellationToken.None);
        return endpoint;
    }
}
