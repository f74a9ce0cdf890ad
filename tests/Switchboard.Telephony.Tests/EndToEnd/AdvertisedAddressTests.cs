using System.Net;
using System.Net.NetworkInformation;
using System.Text.RegularExpressions;
using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// The server bound to all addresses (0.0.0.0), called over loopback: sipp calls a number whose scenario forwards the
/// call to a second sipp through the trunk. Every address the switchboard writes for itself, in the answer to the
/// caller and in the INVITE to the forwarded party (Via, Contact, SDP c= and o=), is 127.0.0.1, the address they
/// reach it on, never the machine's other interfaces; or, when one is configured (a server behind NAT), the
/// advertised address: 127.0.0.2 here, which reaches the same sockets as a NAT's public address would.
/// </summary>
public sealed class AdvertisedAddressTests
{
    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("127.0.0.2", "127.0.0.2")]
    public async Task Bound_to_all_addresses_a_call_over_loopback_names_the_address_it_reaches_or_the_advertised_one_in_every_Via_Contact_and_SDP(
        string? advertised, string expected)
    {
        var settings = new Dictionary<string, string> { ["Switchboard:Sip:Address"] = "0.0.0.0" };
        if (advertised is not null)
            settings["Switchboard:Sip:AdvertisedAddress"] = advertised;
        await using var switchboard = new TelephonyServer(settings: settings);
        var targetPort = FreePort.Find();
        await switchboard.AddOutboundTrunkAsync($"127.0.0.1:{targetPort}", "127.0.0.1/32");
        await switchboard.AddNumberAsync("+12025550100", new ForwardAction("+12025550199"));
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(), "u1", targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: true);
        var server = new IPEndPoint(IPAddress.Loopback, switchboard.SipEndPoint.Port);

        var run = await Sipp.RunAsync(server, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 1000), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        var answer = Assert.Single(ReceivedBy(run.Messages), message => message.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && message.Contains("INVITE", StringComparison.Ordinal));
        var invite = Assert.Single(ReceivedBy(forwarded.Messages), message => message.StartsWith("INVITE ", StringComparison.Ordinal));
        Assert.Contains($"Contact: <sip:switchboard@{expected}:{server.Port}>", answer, StringComparison.Ordinal);
        Assert.Contains($"c=IN IP4 {expected}", answer, StringComparison.Ordinal);
        Assert.Matches($@"o=\S+ \d+ \d+ IN IP4 {Regex.Escape(expected)}\r?\n", answer);
        Assert.Contains($"Via: SIP/2.0/UDP {expected}:{server.Port};", invite, StringComparison.Ordinal);
        Assert.Contains($"Contact: <sip:switchboard@{expected}:{server.Port}>", invite, StringComparison.Ordinal);
        Assert.Contains($"c=IN IP4 {expected}", invite, StringComparison.Ordinal);
        Assert.Matches($@"o=\S+ \d+ \d+ IN IP4 {Regex.Escape(expected)}\r?\n", invite);
        foreach (var elsewhere in OtherLocalAddresses().Append(Dns.GetHostName()))
        {
            Assert.DoesNotContain(elsewhere, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere, invite, StringComparison.Ordinal);
        }
        Assert.True(media.Received > 20, $"the caller heard {media.Received} packets");
    }

    /// <summary>The messages a sipp trace (-trace_msg) shows as received, each from its start line.</summary>
    private static IEnumerable<string> ReceivedBy(string trace) =>
        trace.Split("-----------------------------------------------", StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Contains("message received", StringComparison.Ordinal))
            .Select(entry => entry[(entry.IndexOf("\n\n", entry.IndexOf("message received", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..]);

    private static IEnumerable<string> OtherLocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(network => network.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address.ToString());
}
