using System.Net;

namespace Switchboard.Sip.Tests.Peers;

/// <summary>
/// Runs sipp (Debian package sip-tester) against an endpoint on 127.0.0.1: one call (-m 1), an overall -timeout
/// that counts as failure, no keyboard (-nostdin), and error and message traces in the test's directory.
/// </summary>
internal static class Sipp
{
    /// <param name="scenario">A built-in scenario name ("uac") or the XML of a scenario file.</param>
    /// <param name="transport">"u1" (UDP, one socket) or "t1" (TCP, one connection).</param>
    public static async Task<SippRun> RunAsync(IPEndPoint server, string scenario, string transport, TemporaryDirectory directory)
    {
        await using var sipp = await StartAsync(server, scenario, transport, FreePort.Find(), directory);
        return await sipp.WaitAsync();
    }

    /// <summary>Starts sipp without waiting for it: as a UAS (<paramref name="server"/> null) it listens on <paramref name="localPort"/>.</summary>
    public static async Task<RunningSipp> StartAsync(IPEndPoint? server, string scenario, string transport, int localPort, TemporaryDirectory directory)
    {
        var arguments = new List<string>();
        if (server is not null)
            arguments.Add($"{server.Address}:{server.Port}");
        arguments.AddRange(
        [
            "-t", transport,
            "-i", "127.0.0.1",
            "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-s", "service",
            "-m", "1",
            "-timeout", "20s",
            "-timeout_error",
            "-nostdin",
            "-trace_err",
            "-trace_msg",
        ]);
        if (scenario.StartsWith('<'))
        {
            var file = directory.File($"scenario-{Guid.NewGuid():N}.xml");
            await File.WriteAllTextAsync(file, scenario);
            arguments.AddRange(["-sf", file]);
        }
        else
        {
            arguments.AddRange(["-sn", scenario]);
        }
        return new RunningSipp(PeerProcess.Start("sipp", arguments, directory.Path), directory);
    }
}
