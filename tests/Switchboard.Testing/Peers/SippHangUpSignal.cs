using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Peers;

/// <summary>
/// Tells a sipp caller running <see cref="SippCallerScenarios.CallAndHangUpWhenTold"/> to hang up, for a call that
/// lasts as long as the test needs: sipp has no command to end an established call, so its scenario waits for an INFO
/// in its call, which this sends straight to its socket (not through the server). sipp matches it by Call-ID, which
/// <see cref="Arguments"/> makes known; the INFO is only a signal and gets no answer.
/// </summary>
public static class SippHangUpSignal
{
    private const string CallIdPrefix = "hang-up-when-told-";

    /// <summary>sipp's options that give its first call the Call-ID the signal names.</summary>
    public static IReadOnlyList<string> Arguments { get; } = ["-cid_str", CallIdPrefix + "%u@%s"];

    /// <summary>Sends the signal to the sipp caller listening on 127.0.0.1:<paramref name="sippPort"/> over UDP.</summary>
    public static async Task SendAsync(int sippPort, CancellationToken cancellationToken = default)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var info = string.Create(CultureInfo.InvariantCulture, $"""
            INFO sip:sipp@127.0.0.1:{sippPort} SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKhangup
            Max-Forwards: 70
            From: <sip:test@127.0.0.1:{port}>;tag=hangup
            To: <sip:sipp@127.0.0.1:{sippPort}>
            Call-ID: {CallIdPrefix}1@127.0.0.1
            CSeq: 1 INFO
            Content-Length: 0


            """).ReplaceLineEndings("\r\n");
        await socket.SendToAsync(Encoding.ASCII.GetBytes(info), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, sippPort), cancellationToken);
    }
}
