using System.Globalization;
using System.Net;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// Runs sipp (Debian package sip-tester) as a caller against the server on 127.0.0.1: one call (-m 1), an overall
/// -timeout that counts as failure, no keyboard (-nostdin), and error and message traces in the test's directory.
/// </summary>
internal static class Sipp
{
    /// <param name="server">The server's SIP address.</param>
    /// <param name="scenarioXml">The scenario, written to a file in <paramref name="directory"/>.</param>
    /// <param name="transport">"u1" (UDP, one socket) or "t1" (TCP, one connection).</param>
    /// <param name="directory">Where the scenario and traces go.</param>
    /// <param name="localAddress">The address sipp sends from.</param>
    public static async Task<SippRun> RunAsync(IPEndPoint server, string scenarioXml, string transport, TemporaryDirectory directory,
        string localAddress = "127.0.0.1")
    {
        var file = directory.File($"scenario-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, scenarioXml);
        string[] arguments =
        [
            $"{server.Address}:{server.Port}",
            "-t", transport,
            "-i", localAddress,
            "-p", FreePort.Find().ToString(CultureInfo.InvariantCulture),
            // sipp's own media port (and the three above it), when a scenario plays a recording.
            "-mp", (FreePort.RangeStart(4) + 10_000).ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-timeout", "30s",
            "-timeout_error",
            "-nostdin",
            "-trace_err",
            "-trace_msg",
            "-sf", file,
        ];
        await using var sipp = PeerProcess.Start("sipp", arguments, directory.Path);
        var exitCode = await sipp.WaitForExitAsync();
        return new SippRun(exitCode, directory.ReadAll("_messages.log"), directory.ReadAll("_errors.log"), sipp.Output);
    }
}
