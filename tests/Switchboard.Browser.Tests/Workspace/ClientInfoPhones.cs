using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Server.Hosting;
using Switchboard.Testing.Peers;
using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The phones of the Client info tests, played by sipp: a caller with a phone number who waits on the line until the
/// switchboard hangs up, and the agent's SIP phone, which registers, rings for a moment and answers (so the agent
/// needs no webphone).
/// </summary>
internal sealed class ClientInfoPhones(SwitchboardSite site)
{
    /// <summary>Where callers send from: a trunk's address, apart from the agent's phone on 127.0.0.1.</summary>
    public const string CallerAddress = "127.0.0.3";

    /// <summary>How long the agent's phone rings before it answers: long enough to see the tab of a ringing call.</summary>
    private const int RingMilliseconds = 2500;

    private IPEndPoint SipEndPoint =>
        new(IPAddress.Loopback, site.Server.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.Sip.Port);

    /// <summary>The SIP password these tests give the agent <paramref name="sipUsername"/>.</summary>
    public static string SipPassword(string sipUsername) => $"{sipUsername}-sip-1";

    /// <summary>
    /// Registers the agent's phone at <paramref name="port"/> and starts it for one call; returns once it listens. A
    /// phone started again for the next call uses the same port, so its registration replaces the one before.
    /// </summary>
    public async Task<RunningSipp> AgentPhoneAsync(string sipUsername, int port, TemporaryDirectory directory)
    {
        await using (var registration = await Sipp.StartAsync(SipEndPoint, Register(sipUsername), "u1", port, directory))
        {
            var run = await registration.WaitAsync();
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var phone = await Sipp.StartAsync(null, RingsThenAnswers(FreePort.Find()), "u1", port, directory);
        // 127.0.0.1 as /proc/net/udp writes it (little-endian hex), then the port: sipp holds it once it listens.
        var bound = string.Create(CultureInfo.InvariantCulture, $" 0100007F:{port:X4} ");
        using var guard = new CancellationTokenSource(PeerWait.Guard);
        await PeerWait.WithinAsync(ListensAsync(bound, guard.Token), "the agent's phone to listen", () => phone.Output, guard.Token);
        return phone;
    }

    /// <summary>Calls <paramref name="number"/> from <paramref name="callerUser"/> and stays until the switchboard hangs up.</summary>
    public Task<RunningSipp> CallAsync(string number, string callerUser, TemporaryDirectory directory) =>
        Sipp.StartAsync(SipEndPoint, CallerUntilHungUp(number, callerUser, FreePort.Find()), "u1", FreePort.Find(), directory, localAddress: CallerAddress);

    private static async Task ListensAsync(string bound, CancellationToken cancellationToken)
    {
        while (!(await File.ReadAllTextAsync("/proc/net/udp", cancellationToken)).Contains(bound, StringComparison.Ordinal))
            await Task.Delay(20, cancellationToken);
    }

    private static string CallerUntilHungUp(string number, string callerUser, int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-until-bye">
        {{Invite(number, mediaPort, callerUser)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    private static string RingsThenAnswers(int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="agent-phone">
          <recv request="INVITE"/>
          <send>
            <![CDATA[

              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:phone@[local_ip]:[local_port];transport=[transport]>
              Content-Length: 0

            ]]>
          </send>
          <pause milliseconds="{{RingMilliseconds}}"/>
          <send retrans="500">
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:phone@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=phone 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio {{mediaPort}} RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a=sendrecv

            ]]>
          </send>
          <recv request="ACK"/>
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    private static string Register(string username) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="register-phone">
          <send retrans="500">
            <![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{username}}@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{username}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 REGISTER
              Contact: <sip:{{username}}@[local_ip]:[local_port];transport=[transport]>
              Expires: 600
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="401" auth="true"/>
          <send retrans="500">
            <![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{username}}@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{username}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 REGISTER
              Contact: <sip:{{username}}@[local_ip]:[local_port];transport=[transport]>
              [authentication username={{username}} password={{SipPassword(username)}}]
              Expires: 600
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;
}
