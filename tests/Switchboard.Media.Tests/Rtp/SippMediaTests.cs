using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Tests.TestMedia;

namespace Switchboard.Media.Tests.Rtp;

/// <summary>
/// SIPp (package sip-tester) calls a minimal answering endpoint made of this test and our media code,
/// then plays its recorded A-law speech and an RFC 4733 "1" key press at us, as its uac_pcap scenario does.
/// </summary>
public sealed class SippMediaTests : IDisposable
{
    private const string SippMediaDirectory = "/usr/share/sip-tester";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("sipp-media-").FullName;

    [Fact]
    public async Task Sipp_speech_and_key_press_arrive_through_offer_answer()
    {
        await using var legs = new LoopbackLegs(47000, 47499);
        var us = legs.Open();
        var heard = new PacketRecorder();
        us.PacketSink = heard;
        var digits = new List<char>();
        us.DigitReceived += (_, e) =>
        {
            lock (digits)
            {
                digits.Add(e.Digit);
            }
        };
        us.Start();
        using var signalling = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        signalling.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sipp = StartSipp(((IPEndPoint)signalling.LocalEndPoint!).Port);

        var (invite, sippAddress) = await ReceiveRequestAsync(signalling, "INVITE");
        Assert.True(SessionDescription.TryParse(Body(invite), out var offer, out var error), error);
        var local = new LocalMedia(IPAddress.Loopback, us.LocalRtpEndPoint.Port, SessionId: 1, SessionVersion: 1);
        Assert.True(OfferAnswer.TryAnswer(offer, local, out var answer, out _));
        us.Connect(answer.Audio.RemoteRtp, answer.Audio.RemoteRtcp, answer.Audio.Format);
        await signalling.SendToAsync(Response(invite, answer.Description.ToString()), sippAddress);
        var (bye, _) = await ReceiveRequestAsync(signalling, "BYE");
        await signalling.SendToAsync(Response(bye, body: null), sippAddress);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await sipp.WaitForExitAsync(patience.Token);

        Assert.Equal(0, sipp.ExitCode);
        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcma, 8, 101), answer.Audio.Format);
        var speech = new List<short>();
        while (heard.TryTake(out var packet))
        {
            if (packet.Header.PayloadType == 8)
            {
                speech.AddRange(packet.Payload.Select(G711.ALawToLinear));
            }
        }

        Assert.True(speech.Count >= 8000, $"only {speech.Count} samples of speech arrived");
        Assert.Contains(speech, sample => Math.Abs((int)sample) > 1000);
        await Eventually.HoldsAsync(() => { lock (digits) { return digits.Count == 1; } }, "the key press is raised");
        Assert.Equal('1', digits[0]);
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private Process StartSipp(int answererPort)
    {
        // The scenario names its recordings as pcap/<file>, relative to where SIPp runs.
        Directory.CreateSymbolicLink(Path.Combine(_workDirectory, "pcap"), SippMediaDirectory);
        File.WriteAllText(Path.Combine(_workDirectory, "call.xml"), Scenario);
        var start = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-sf", "call.xml", "-m", "1", "-nostdin", "-timeout", "15s", "-i", "127.0.0.1", "-p", "0", "-mp", "47600", $"127.0.0.1:{answererPort}" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<(string Request, IPEndPoint From)> ReceiveRequestAsync(Socket socket, string method)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[8192];
        while (true)
        {
            var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), patience.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
            if (text.StartsWith(method + " ", StringComparison.Ordinal))
            {
                return (text, (IPEndPoint)received.RemoteEndPoint);
            }
        }
    }

    private static string Body(string message) => message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    /// <summary>A 200 OK echoing the request's dialog headers, as RFC 3261 §8.2.6.2 asks of any answerer.</summary>
    private static byte[] Response(string request, string? body)
    {
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var line in request[..request.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n").Skip(1))
        {
            if (line.StartsWith("Via:", StringComparison.Ordinal) || line.StartsWith("From:", StringComparison.Ordinal)
                || line.StartsWith("Call-ID:", StringComparison.Ordinal) || line.StartsWith("CSeq:", StringComparison.Ordinal))
            {
                response.Append(line).Append("\r\n");
            }
            else if (line.StartsWith("To:", StringComparison.Ordinal))
            {
                response.Append(line.Contains(";tag=", StringComparison.Ordinal) ? line : line + ";tag=answerer").Append("\r\n");
            }
        }

        response.Append("Contact: <sip:answerer@127.0.0.1>\r\n");
        if (body is not null)
        {
            response.Append("Content-Type: application/sdp\r\n");
        }

        response.Append($"Content-Length: {body?.Length ?? 0}\r\n\r\n").Append(body);
        return Encoding.ASCII.GetBytes(response.ToString());
    }

    // SIPp's uac_pcap scenario with shorter pauses: one second of the A-law recording, then key 1.
    private const string Scenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="uac_pcap, shortened">
          <send retrans="500">
            <![CDATA[

              INVITE sip:service@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
              To: service <sip:service@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[local_ip_type] [local_ip]
              t=0 0
              m=audio [auto_media_port] RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000
              a=fmtp:101 0-11,16

            ]]>
          </send>
          <recv response="200" rtd="true" />
          <send>
            <![CDATA[

              ACK sip:service@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
              To: service <sip:service@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <nop><action><exec play_pcap_audio="pcap/g711a.pcap"/></action></nop>
          <pause milliseconds="1500"/>
          <nop><action><exec play_pcap_audio="pcap/dtmf_2833_1.pcap"/></action></nop>
          <pause milliseconds="500"/>
          <send retrans="500">
            <![CDATA[

              BYE sip:service@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag09[call_number]
              To: service <sip:service@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200" crlf="true" />
        </scenario>
        """;
}
