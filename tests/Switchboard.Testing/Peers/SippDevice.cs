using System.Globalization;
using System.Net;
using Xunit;

namespace Switchboard.Testing.Peers;

/// <summary>
/// A user's SIP device played by sipp: a first run REGISTERs the user's SIP username with digest credentials and
/// ends; a second then listens as a UAS on the same port, where the registrar sends the user's calls, and runs a
/// scenario for one call (see <see cref="SippDeviceScenarios"/>). A device started again on the same port replaces
/// the registration before.
/// </summary>
public static class SippDevice
{
    /// <summary>The SIP password these tests give the user <paramref name="sipUsername"/>.</summary>
    public static string SipPassword(string sipUsername) => $"{sipUsername}-sip-1";

    /// <summary>Registers the device and starts it with <paramref name="scenario"/>; returns once it listens.</summary>
    /// <param name="timeout">How long the device's sipp may run (see <see cref="Sipp.StartAsync"/>).</param>
    public static async Task<RunningSipp> StartAsync(IPEndPoint registrar, string sipUsername, int port, string scenario, TemporaryDirectory directory,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await RegisterAsync(registrar, sipUsername, port, cancellationToken);
        return await ListenAsync(scenario, port, directory, timeout, cancellationToken);
    }

    /// <summary>Registers <paramref name="sipUsername"/> (password <see cref="SipPassword"/>) at 127.0.0.1:<paramref name="port"/>; fails the test if refused.</summary>
    public static async Task RegisterAsync(IPEndPoint registrar, string sipUsername, int port, CancellationToken cancellationToken = default)
    {
        using var directory = new TemporaryDirectory();
        await using var registration = await Sipp.StartAsync(registrar, SippDeviceScenarios.Register(sipUsername, SipPassword(sipUsername)), "u1", port,
            directory, cancellationToken: cancellationToken);
        var run = await registration.WaitAsync(cancellationToken);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>Starts the device's UAS with <paramref name="scenario"/> on <paramref name="port"/>; returns once it listens, so that the first INVITE finds it.</summary>
    public static async Task<RunningSipp> ListenAsync(string scenario, int port, TemporaryDirectory directory, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var sipp = await Sipp.StartAsync(null, scenario, "u1", port, directory, timeout: timeout, cancellationToken: cancellationToken);
        try
        {
            await BoundAsync(port, () => sipp.Output, cancellationToken);
            return sipp;
        }
        catch
        {
            await sipp.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Completes once a socket holds UDP port <paramref name="port"/> on 127.0.0.1. Read from the kernel's socket table
    /// rather than by binding the port, which could take it from sipp at the moment sipp binds.
    /// </summary>
    private static async Task BoundAsync(int port, Func<string> output, CancellationToken cancellationToken)
    {
        // 127.0.0.1 as /proc/net/udp writes it (little-endian hex), then the port.
        var bound = string.Create(CultureInfo.InvariantCulture, $" 0100007F:{port:X4} ");
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        while (!(await File.ReadAllTextAsync("/proc/net/udp", cancellationToken)).Contains(bound, StringComparison.Ordinal))
        {
            if (guard.IsCancellationRequested)
                throw PeerWait.Failure($"the device to listen on port {port}", output);
            await Task.Delay(20, cancellationToken);
        }
    }
}
