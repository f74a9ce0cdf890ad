using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Call variables travel with the call to the agent's device. The device is sipp (<see cref="SippDevice"/>): it
/// registers, then listens on the same address as a UAS, checks the INVITE's headers (a failed check makes sipp exit
/// non-zero) and declines with 486, so that the scenario goes on and the call ends by itself.
/// </summary>
public sealed class CallVariablesTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string CallerUser = "14155550123";

    // The caller's own X- header, and a try at passing off one of ours.
    private static readonly string[] CallerHeaders = ["X-Customer-Id: 4711", "X-Switchboard-Var-tier: platinum"];

    private readonly TelephonyServer _server = new();
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", SippDevice.SipPassword("alice"));
        await _server.SetReadyAsync(_alice);
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

        await using var device = await SippDevice.ListenAsync(DeviceDeclines(
            @"X-Switchboard-Var-tier: gold",
            @"X-Switchboard-Var-dialledNumber: \+12025550100",
            @"X-Switchboard-Var-callerNumber: \+14155550123",
            @"X-Switchboard-Var-scenarioName: Scenario of \+12025550100",
            "X-Customer-Id: 4711"), devicePort, deviceDirectory);
        var caller = await Sipp.RunAsync(_server.SipEndPoint,
            SippScenarios.CallRefused(Number[1..], media.Port, 480, CallerUser, mayRing: true, CallerHeaders), "u1", callerDirectory);
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

        await using var caller = await Sipp.StartAsync(_server.SipEndPoint,
            SippCallerScenarios.CallUntilServerHangsUp(Number[1..], media.Port, CallerUser, CallerHeaders), "u1", FreePort.Find(), callerDirectory);
        // Alice is not Ready yet: the call waits, and the live view shows what routing knows of it.
        var waiting = Assert.Single((await _server.CallWaitsInAsync(queue)).WaitingCalls);
        var liveVariables = _server.Services.GetRequiredService<ILiveCallDirectory>().FindVariables(waiting.CallId);
        await using var device = await SippDevice.ListenAsync(DeviceDeclines(
            $"X-Switchboard-Call-Id: {waiting.CallId}",
            "X-Switchboard-Var-tier: gold",
            "X-Switchboard-Var-queueName: Gold support",
            "X-Customer-Id: 4711"), devicePort, deviceDirectory);
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

    /// <summary>Registers alice's device from a port that the device's UAS then listens on.</summary>
    private async Task<int> RegisterDeviceAsync()
    {
        var port = FreePort.Find();
        await SippDevice.RegisterAsync(_server.SipEndPoint, "alice", port);
        return port;
    }

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
            {{SippCalleeMessages.Reply("486 Busy Here")}}
              <recv request="ACK"/>
              <Reference variables="{{names}},spoofed"/>
            </scenario>
            """;
    }
}
