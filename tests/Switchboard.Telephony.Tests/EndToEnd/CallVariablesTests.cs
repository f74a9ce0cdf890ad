using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Call variables travel with the call to the agent's device. The device is sipp: one run REGISTERs with digest
/// credentials and ends, a second listens on the same address as a UAS, checks the INVITE's headers (a failed check
/// makes sipp exit non-zero) and declines with 486, so that the scenario goes on and the call ends by itself.
/// </summary>
public sealed class CallVariablesTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string CallerUser = "14155550123";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TelephonyServer _server = new();
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", "alice-sip-1");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_user_called_by_the_scenario_gets_the_call_variables_and_the_callers_x_headers_on_the_invite()
    {
        await _server.AddNumberAsync(Number, new SetVariableAction("tier", "gold"), new CallUserAction(_alice, RingSeconds: 10), new HangupAction());
        var devicePort = await RegisterDeviceAsync();
        using var deviceDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        await using var device = await Sipp.StartAsync(null, DeviceDeclines(
            @"X-Switchboard-Var-tier: gold",
            @"X-Switchboard-Var-dialledNumber: \+12025550100",
            @"X-Switchboard-Var-callerNumber: \+14155550123",
            @"X-Switchboard-Var-scenarioName: Scenario of \+12025550100",
            "X-Customer-Id: 4711"), "u1", devicePort, deviceDirectory);
        await ListensAsync(devicePort);
        var caller = await Sipp.RunAsync(_server.SipEndPoint, CallerRefused(media.Port), "u1", callerDirectory);
        var deviceRun = await device.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(deviceRun.ExitCode == 0, deviceRun.ToString());
        Assert.True(caller.ExitCode == 0, caller.ToString());
        // The user declined, so the scenario went on to its hang-up.
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
    }

    [Fact]
    public async Task A_queue_offer_rings_the_agents_device_with_the_call_variables_which_the_live_view_shows_while_the_call_waits()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Gold support", MaxWaitSeconds: 5, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddNumberAsync(Number, new SetVariableAction("tier", "gold"), new QueueAction(queue), new HangupAction());
        var devicePort = await RegisterDeviceAsync();
        await _server.AgentBecomesAsync(_alice, agent => agent.Reachable);
        using var deviceDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        await using var caller = await Sipp.StartAsync(_server.SipEndPoint, CallerUntilServerHangsUp(media.Port), "u1", FreePort.Find(), callerDirectory);
        // Alice is not Ready yet: the call waits, and the live view shows what routing knows of it.
        var waiting = Assert.Single((await _server.CallWaitsInAsync(queue)).WaitingCalls);
        var liveVariables = _server.Services.GetRequiredService<ILiveCallDirectory>().FindVariables(waiting.CallId);
        await using var device = await Sipp.StartAsync(null, DeviceDeclines(
            $"X-Switchboard-Call-Id: {waiting.CallId}",
            "X-Switchboard-Var-tier: gold",
            "X-Switchboard-Var-queueName: Gold support",
            "X-Customer-Id: 4711"), "u1", devicePort, deviceDirectory);
        await ListensAsync(devicePort);
        await _server.SetReadyAsync(_alice);
        var deviceRun = await device.WaitAsync();
        var callerRun = await caller.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.Equal("+14155550123", waiting.CallerNumber);
        Assert.Superset(
            new HashSet<CallVariable>
            {
                new("dialledNumber", Number), new("callerNumber", "+14155550123"), new("tier", "gold"),
                new("queueName", "Gold support"), new("X-Customer-Id", "4711"),
            },
            waiting.Variables.ToHashSet());
        Assert.NotNull(liveVariables);
        Assert.True(liveVariables.TryGetValue("tier", out var tier) && tier == "gold");
        Assert.True(deviceRun.ExitCode == 0, deviceRun.ToString());
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        // Declined by the only agent, the call waited out the queue's maximum and the scenario hung up.
        Assert.Equal((CallResult.HungUpByScenario, (Guid?)queue), (call.Result, call.QueueId));
        Assert.Null(_server.Services.GetRequiredService<ILiveCallDirectory>().FindVariables(waiting.CallId));
    }

    /// <summary>Registers alice's device with digest credentials from a port that the device's UAS then listens on.</summary>
    private async Task<int> RegisterDeviceAsync()
    {
        var port = FreePort.Find();
        using var directory = new TemporaryDirectory();
        await using var registration = await Sipp.StartAsync(_server.SipEndPoint, Register, "u1", port, directory);
        var run = await registration.WaitAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        return port;
    }

    /// <summary>Waits until the device's sipp holds its UDP port, so that the INVITE finds it listening.</summary>
    private static async Task ListensAsync(int port)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return;
            }

            Assert.False(guard.IsCancellationRequested, $"The device never listened on port {port}.");
            probe.Close();
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private const string Register = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="register-device">
          <send retrans="500">
            <![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:alice@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:alice@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 REGISTER
              Contact: <sip:alice@[local_ip]:[local_port];transport=[transport]>
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
              From: <sip:alice@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:alice@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 REGISTER
              Contact: <sip:alice@[local_ip]:[local_port];transport=[transport]>
              [authentication username=alice password=alice-sip-1]
              Expires: 600
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>
    /// The device's UAS: each of <paramref name="expectedHeaders"/> (an extended regular expression) must be in the
    /// INVITE, and the caller's attempt to pass off its own Switchboard variable must not; then it declines.
    /// </summary>
    private static string DeviceDeclines(params string[] expectedHeaders)
    {
        var checks = expectedHeaders.Select((header, index) =>
            $"""      <ereg regexp="{header}" search_in="msg" check_it="true" assign_to="expected{index}"/>""");
        var names = string.Join(',', expectedHeaders.Select((_, index) => $"expected{index}"));
        return $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="device-declines">
              <recv request="INVITE">
                <action>
            {{string.Join('\n', checks)}}
                  <ereg regexp="platinum" search_in="msg" check_it_inverse="true" assign_to="spoofed"/>
                </action>
              </recv>
              <send>
                <![CDATA[

                  SIP/2.0 486 Busy Here
                  [last_Via:]
                  [last_From:]
                  [last_To:];tag=[pid]SIPpTag01[call_number]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0

                ]]>
              </send>
              <recv request="ACK"/>
              <Reference variables="{{names}},spoofed"/>
            </scenario>
            """;
    }

    /// <summary>The caller's INVITE: a number as From user, an X- header of its own, and a try at passing off one of ours.</summary>
    private static string Invite(int mediaPort) => $$"""
          <send retrans="500">
            <![CDATA[

              INVITE sip:12025550100@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Test Caller" <sip:{{CallerUser}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:12025550100@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:{{CallerUser}}@[local_ip]:[local_port];transport=[transport]>
              X-Customer-Id: 4711
              X-Switchboard-Var-tier: platinum
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio {{mediaPort}} RTP/AVP 0 8
              a=rtpmap:0 PCMU/8000
              a=rtpmap:8 PCMA/8000
              a=sendrecv

            ]]>
          </send>
        """;

    /// <summary>Calls and is refused (480) without an answer, which it acknowledges.</summary>
    private static string CallerRefused(int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-refused">
        {{Invite(mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="480"/>
        {{SippMessages.AckNon2xx(4, CallerUser)}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls, is answered (the queue's music), and waits for the server's BYE.</summary>
    private static string CallerUntilServerHangsUp(int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-until-bye">
        {{Invite(mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{SippMessages.Ack()}}
          <recv request="BYE"/>
        {{SippMessages.Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;
}
