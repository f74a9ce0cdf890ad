using System.Globalization;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// An agent's SIP phone played by sipp: a first run REGISTERs the agent's SIP username with digest credentials and
/// ends; a second then listens as a UAS on the same address, where the registrar sends the agent's calls, and runs the
/// test's scenario for one call (see <see cref="WorkspaceScenarios"/>).
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

    /// <summary>The SIP password these tests give the agent <paramref name="username"/>.</summary>
    public static string SipPassword(string username) => $"{username}-sip-1";

    /// <summary>Registers <paramref name="username"/>'s device and starts it; returns once it listens for the agent's calls.</summary>
    public static async Task<AgentDevice> StartAsync(TelephonyServer server, string username, string scenario)
    {
        var port = FreePort.Find();
        using (var registering = new TemporaryDirectory())
        {
            await using var registration = await Sipp.StartAsync(server.SipEndPoint, Register(username), "u1", port, registering);
            var run = await registration.WaitAsync();
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var directory = new TemporaryDirectory();
        var sipp = await Sipp.StartAsync(null, scenario, "u1", port, directory);
        var device = new AgentDevice(directory, sipp);
        await device.ListensAsync(port);
        return device;
    }

    /// <summary>Waits for the device's call to go as its scenario expects (exit code 0) or fail, and reads its traces.</summary>
    public Task<SippRun> WaitAsync() => _sipp.WaitAsync();

    public async ValueTask DisposeAsync()
    {
        await _sipp.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>
    /// Waits until sipp holds its UDP port, so that the first INVITE finds it listening. Read from the kernel's socket
    /// table rather than by binding the port, which could take it from sipp at the moment sipp binds.
    /// </summary>
    private async Task ListensAsync(int port)
    {
        // 127.0.0.1 as /proc/net/udp writes it (little-endian hex), then the port.
        var bound = string.Create(CultureInfo.InvariantCulture, $" 0100007F:{port:X4} ");
        using var guard = new CancellationTokenSource(PeerWait.Guard);
        while (!(await File.ReadAllTextAsync("/proc/net/udp", CancellationToken.None)).Contains(bound, StringComparison.Ordinal))
        {
            Assert.False(guard.IsCancellationRequested, $"The device never listened on port {port}:\n{Output}");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static string Register(string username) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="register-device">
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
