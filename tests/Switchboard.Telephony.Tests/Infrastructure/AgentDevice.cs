namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// An agent's SIP phone played by sipp (<see cref="SippDevice"/>), registered at the test's server and running the
/// test's scenario for one call (see <see cref="SippDeviceScenarios"/>), with its own directory for traces.
/// </summary>
internal sealed class AgentDevice : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly RunningSipp _sipp;

    private AgentDevice(TemporaryDirectory directory, RunningSipp sipp)
    {
        _directory = directory;
        _sipp = sipp;
    }

    /// <summary>What sipp printed so far.</summary>
    public string Output => _sipp.Output;

    /// <summary>Registers <paramref name="username"/>'s device and starts it; returns once it listens for the agent's calls.</summary>
    /// <param name="timeout">How long the device's sipp may run (30 s by default).</param>
    public static async Task<AgentDevice> StartAsync(TelephonyServer server, string username, string scenario, TimeSpan? timeout = null)
    {
        var directory = new TemporaryDirectory();
        try
        {
            return new AgentDevice(directory, await SippDevice.StartAsync(server.SipEndPoint, username, FreePort.Find(), scenario, directory, timeout));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the device's call to go as its scenario expects (exit code 0) or fail, and reads its traces.</summary>
    public Task<SippRun> WaitAsync() => _sipp.WaitAsync();

    public async ValueTask DisposeAsync()
    {
        await _sipp.DisposeAsync();
        _directory.Dispose();
    }
}
