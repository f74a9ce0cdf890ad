using System.Globalization;
using System.Net;

namespace Switchboard.Testing.Peers;

/// <summary>
/// Runs sipp (Debian package sip-tester) on 127.0.0.1: one call (-m 1), an overall -timeout (30 s unless told) that counts as failure,
/// no keyboard (-nostdin), and error and message traces in the test's directory.
/// </summary>
public static class Sipp
{
    /// <summary>Runs sipp as a caller of <paramref name="server"/> until it ends by itself.</summary>
    /// <param name="scenario">A built-in scenario name ("uac") or the XML of a scenario.</param>
    /// <param name="transport">"u1" (UDP, one socket) or "t1" (TCP, one connection).</param>
    /// <param name="extraArguments">More sipp options, e.g. -au/-ap digest credentials.</param>
    /// <param name="localAddress">The address sipp sends from (127.0.0.0/8 offers many).</param>
    public static async Task<SippRun> RunAsync(IPEndPoint server, string scenario, string transport, TemporaryDirectory directory,
        IReadOnlyList<string>? extraArguments = null, string localAddress = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        await using var sipp = await StartAsync(server, scenario, transport, FreePort.Find(), directory, extraArguments, localAddress, cancellationToken: cancellationToken);
        return await sipp.WaitAsync(cancellationToken);
    }

    /// <summary>Starts sipp without waiting for it: as a UAS (<paramref name="server"/> null) it listens on <paramref name="localPort"/>.</summary>
    /// <param name="timeout">How long sipp may run at all (30 s by default): a call meant to last longer needs more.</param>
    public static async Task<RunningSipp> StartAsync(IPEndPoint? server, string scenario, string transport, int localPort, TemporaryDirectory directory,
        IReadOnlyList<string>? extraArguments = null, string localAddress = "127.0.0.1", TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<string>();
        if (server is not null)
            arguments.Add($"{server.Address}:{server.Port}");
        arguments.AddRange(
        [
            "-t", transport,
            "-i", localAddress,
            "-p", localPort.ToString(CultureInfo.InvariantCulture),
            // sipp's own media port (and the three above it), for a scenario that plays a recording or echoes, and its
            // UDP control port: both have fixed defaults (6000, 8888) that sipps run in parallel would share.
            "-mp", FreePort.UdpRun(4).ToString(CultureInfo.InvariantCulture),
            "-cp", FreePort.FindOtherThan(localPort).ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-timeout", $"{(int)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds}s",
            "-timeout_error",
            "-nostdin",
            "-trace_err",
            "-trace_msg",
        ]);
        arguments.AddRange(extraArguments ?? []);
        if (scenario.StartsWith('<'))
        {
            var file = directory.File($"scenario-{Guid.NewGuid():N}.xml");
            await File.WriteAllTextAsync(file, scenario, cancellationToken);
            arguments.AddRange(["-sf", file]);
        }
        else
        {
            arguments.AddRange(["-sn", scenario]);
        }

        return new RunningSipp(PeerProcess.Start("sipp", arguments, directory.Path), directory);
    }
}
