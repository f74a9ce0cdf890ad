using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Testing.Fuzz;
using Xunit.Abstractions;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// The bounded mutation fuzz run (issue 10) against the real server while a live call talks through it: a sipp caller
/// on a queue's number, answered by the agent's registered sipp device, each with a <see cref="MediaPeer"/> that talks
/// and counts what it hears. Mutated RFC 4475 messages and captures of real peers go over UDP and TCP to the server's
/// SIP port; after every 300 inputs OPTIONS must be answered over both, no SIP listener may have stopped, and the
/// caller and the agent must each have heard more of the other. Then the caller hangs up with a BYE that is answered
/// 200, and the agent's device gets the switchboard's BYE. Seeded: the seed is in every failure, so a failure replays.
/// About 45 s, the slowest test of the suite, because volume is the point; SWITCHBOARD_FUZZ_SEED, _INPUTS and _SECONDS
/// make a longer run (docs/reliability.md).
/// </summary>
public sealed class SipFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const byte CallerVoice = 0x11;
    private const byte AgentVoice = 0x22;

    private readonly TelephonyServer _server = new(settings: new Dictionary<string, string>
    {
        // Fuzzing connections come and go by the thousand from one address; half-sent messages are cut off soon.
        ["Switchboard:Sip:Tcp:IncompleteMessageTimeoutSeconds"] = "2",
        ["Switchboard:Sip:Tcp:MaxConnectionsPerAddress"] = "1000",
    });

    public Task InitializeAsync() => _server.AddTrunkAsync("127.0.0.1/32");

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task Tens_of_thousands_of_mutated_messages_over_udp_and_tcp_leave_sip_answering_and_a_live_call_talking_both_ways()
    {
        var settings = FuzzSettings.FromEnvironment();
        var agent = await _server.AddAgentAsync("agent", SippDevice.SipPassword("agent"));
        var queue = await _server.AddQueueAsync(new QueueInput("Support", Members: [new QueueMember(agent, 1, 0)]));
        await _server.AddQueueNumberAsync(queue);
        // The call outlasts the fuzzing, so the peers' sipp may run that long and more.
        var callGuard = settings.TimeBudget + TimeSpan.FromMinutes(2);
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var agentMedia = new MediaPeer(AgentVoice);
        await using var device = await _server.ReadyDeviceAsync(agent, "agent", SippDeviceScenarios.AnswersUntilBye(agentMedia.Port), callGuard);
        var callerPort = FreePort.Find();
        await using var caller = await Sipp.StartAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUpWhenTold(WorkspaceScenarios.Number[1..], callerMedia.Port),
            "u1", callerPort, callerDirectory, SippHangUpSignal.Arguments, timeout: callGuard);
        await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == agent);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, agentMedia);
        var liveCall = new LiveCallCheck(_server, callerMedia, agentMedia);

        var report = await new SipFuzzRun(_server.SipEndPoint, _server.Telephony.Endpoint.TcpEndPoint!, liveCall.FailureAsync, settings)
            .RunAsync(CancellationToken.None);
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, report.ToString());
        await SippHangUpSignal.SendAsync(callerPort);
        var callerRun = await caller.WaitAsync();
        var deviceRun = await device.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(report.AnswersByStatus.Count > 0, "The fuzzing peers got no answer at all: " + report);
        Assert.True(report.Probes >= 10, "Too few probes to speak of: " + report);
        // The caller's scenario ends only once its BYE is answered 200; the device's once it got the switchboard's BYE.
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(deviceRun.ExitCode == 0, deviceRun.ToString());
        Assert.Equal((CallResult.AnsweredFromQueue, (Guid?)agent), (call.Result, call.Agents.SingleOrDefault()?.UserId));
    }

    /// <summary>What each probe checks besides OPTIONS: every SIP listener runs, and each party has heard more of the other since the last probe.</summary>
    private sealed class LiveCallCheck(TelephonyServer server, MediaPeer caller, MediaPeer agent)
    {
        // Only a guard: a call that talks delivers a packet every 20 ms.
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
        private long _callerHeard = caller.Heard(agent);
        private long _agentHeard = agent.Heard(caller);

        public async Task<string?> FailureAsync(CancellationToken cancellationToken)
        {
            if (server.Telephony.Endpoint.StoppedListeners is { Count: > 0 } stopped)
                return $"SIP stopped: {string.Join(", ", stopped)}";
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(Guard);
            while (caller.Heard(agent) <= _callerHeard || agent.Heard(caller) <= _agentHeard)
            {
                if (guard.IsCancellationRequested)
                    return $"the live call went quiet: since the last probe the caller heard {caller.Heard(agent) - _callerHeard} packets of the agent, " +
                        $"the agent {agent.Heard(caller) - _agentHeard} of the caller";
                await Task.Delay(20, CancellationToken.None);
            }
            (_callerHeard, _agentHeard) = (caller.Heard(agent), agent.Heard(caller));
            return null;
        }
    }
}
