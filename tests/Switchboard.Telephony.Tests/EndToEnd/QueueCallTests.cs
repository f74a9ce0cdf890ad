using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Calls sent to a distribution queue by their scenario: sipp calls in, the ACD offers the call to agents whose
/// softphones (baresip) are registered and Ready, and the switchboard rings, bridges, cancels and plays music on hold.
/// </summary>
public sealed class QueueCallTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TelephonyServer _server = new();
    private Guid _alice;
    private Guid _bob;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", "alice-sip-1");
        _bob = await _server.AddAgentAsync("bob", "bob-sip-1");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    private AcdDispatcher Acd => _server.Acd();

    [Fact]
    public async Task An_agent_who_answers_talks_with_the_caller_and_wraps_up_after_the_callers_hangup()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Support", WrapUpSeconds: 1, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var alice = await ReadyPhoneAsync(_alice, "alice", "alice-sip-1", "auto", phoneDirectory);
        await using var media = new RtpCounter(echo: true);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 3000), "u1", sippDirectory);
        var call = await _server.Events.NextEndedAsync();
        await alice.WaitForOutputAsync("BYE sip:");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.AnsweredFromQueue, call.Result);
        Assert.Equal((_alice, (Guid?)queue), (Assert.Single(call.Agents).UserId, call.QueueId));
        // The agent's microphone reached the caller, and what the caller sent (the echo) reached the agent.
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.True(call.CalleeMedia!.PacketsReceived > 50, $"the agent's leg received {call.CalleeMedia.PacketsReceived}");
        Assert.True(call.CalleeMedia.PacketsSent > 50, $"the agent's leg sent {call.CalleeMedia.PacketsSent}");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.WrapUp);
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.Idle && agent.Status == AgentStatus.Ready);
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(("answeredFromQueue", (Guid?)queue, (Guid?)_alice), (record.Result, record.QueueId, record.Agents.SingleOrDefault()?.UserId));
    }

    [Fact]
    public async Task A_full_queue_refuses_the_next_caller_before_answering_them()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Small", MaxWaitingCalls: 1, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        using var firstDirectory = new TemporaryDirectory();
        using var secondDirectory = new TemporaryDirectory();
        await using var firstMedia = new RtpCounter(echo: false);
        await using var secondMedia = new RtpCounter(echo: false);
        await using var first = await Sipp.StartAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", firstMedia.Port), "u1",
            FreePort.Find(), firstDirectory);
        // The first caller waits, answered, hearing the music: the queue is full.
        await firstMedia.WaitForAsync(25);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallRefused("12025550100", secondMedia.Port, 480), "u1", secondDirectory);
        var refused = await _server.Events.NextEndedAsync();

        // A final 480, never a 200 followed by a BYE: no billed zero-second call.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(refused.AnsweredAt);
        Assert.Equal(0, secondMedia.Received);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_the_agent_rings_cancels_the_ringing_and_leaves_the_agent_idle()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Support", Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var alice = await ReadyPhoneAsync(_alice, "alice", "alice-sip-1", "manual", phoneDirectory);
        await using var media = new RtpCounter(echo: false);

        // The caller hangs up once alice's phone rings, however long the offer took (not after a fixed time, which a loaded machine outlasts).
        var callerPort = FreePort.Find();
        await using var caller = await Sipp.StartAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUpWhenTold("12025550100", media.Port), "u1", callerPort,
            sippDirectory, SippHangUpSignal.Arguments);
        await alice.WaitForOutputAsync("INVITE sip:");
        await SippHangUpSignal.SendAsync(callerPort);
        var run = await caller.WaitAsync();
        var call = await _server.Events.NextEndedAsync();
        await alice.WaitForOutputAsync("CANCEL sip:");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.Idle && agent.OfferId is null);
        var snapshot = await Acd.GetSnapshotAsync(CancellationToken.None);
        Assert.Empty(snapshot.Queue(queue)!.WaitingCalls);
        Assert.True(snapshot.Agent(_alice)!.IsAvailable);
    }

    [Fact]
    public async Task Refused_offer_goes_to_the_next_ready_agent_who_answers()
    {
        var queue = await _server.AddQueueAsync(new QueueInput(
            "Support", QueueStrategy.TopDown, WrapUpSeconds: 1, Members: [new QueueMember(_bob, 1, 0), new QueueMember(_alice, 1, 1)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        using var bobDirectory = new TemporaryDirectory();
        using var aliceDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var bob = await ReadyPhoneAsync(_bob, "bob", "bob-sip-1", "manual", bobDirectory);
        await using var alice = await ReadyPhoneAsync(_alice, "alice", "alice-sip-1", "auto", aliceDirectory);
        await using var media = new RtpCounter(echo: true);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", sippDirectory);
        await bob.WaitForOutputAsync("INVITE sip:");
        // Bob presses the red button on the ringing call: his phone declines it.
        await bob.HangUpAsync();
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.OnCall);
        await media.WaitForAsync(50);
        await alice.HangUpAsync();
        var run = await sipp;
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.AnsweredFromQueue, call.Result);
        Assert.Equal(_alice, Assert.Single(call.Agents).UserId);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Matches("SIP/2.0 (486|603) ", bob.Output);
        Assert.DoesNotContain("BYE sip:", bob.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_ring_all_the_first_answer_wins_and_the_other_agents_answer_is_hung_up()
    {
        var queue = await _server.AddQueueAsync(new QueueInput(
            "Support", QueueStrategy.RingAll, WrapUpSeconds: 1, Members: [new QueueMember(_bob, 1, 0), new QueueMember(_alice, 1, 1)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        using var bobDirectory = new TemporaryDirectory();
        using var aliceDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var bob = await ReadyPhoneAsync(_bob, "bob", "bob-sip-1", "auto", bobDirectory);
        await using var alice = await ReadyPhoneAsync(_alice, "alice", "alice-sip-1", "auto", aliceDirectory);
        await using var media = new RtpCounter(echo: true);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 3000), "u1", sippDirectory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.AnsweredFromQueue, call.Result);
        Assert.Contains(Assert.Single(call.Agents).UserId, new[] { _alice, _bob });
        var winner = call.Agents[0].UserId;
        var loser = winner == _alice ? _bob : _alice;
        var (winnerPhone, loserPhone) = winner == _alice ? (alice, bob) : (bob, alice);
        await winnerPhone.WaitForOutputAsync("BYE sip:");
        // The other phone was cancelled while ringing, or hung up when its answer came second: never bridged.
        await OutputShowsAsync(loserPhone, "CANCEL sip:", "BYE sip:");
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        var snapshot = await Acd.GetSnapshotAsync(CancellationToken.None);
        Assert.Equal((1, 0), (snapshot.Agent(winner)!.AnsweredToday, snapshot.Agent(loser)!.AnsweredToday));
    }

    [Fact]
    public async Task Without_a_ready_agent_the_caller_hears_music_on_hold_until_the_maximum_wait_then_the_next_action()
    {
        var goodbye = await _server.AddToneAsync("Goodbye", TimeSpan.FromSeconds(1));
        var queue = await _server.AddQueueAsync(new QueueInput("Support", MaxWaitSeconds: 5, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new PlaySoundAction(goodbye), new HangupAction());
        using var sippDirectory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", sippDirectory);
        // Two seconds of music while the call is still waiting in the queue.
        await media.WaitForAsync(100);
        var waiting = (await Acd.GetSnapshotAsync(CancellationToken.None)).Queue(queue)!.WaitingCalls;
        var run = await sipp;
        var call = await _server.Events.NextEndedAsync();

        Assert.Single(waiting);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.Equal(queue, call.QueueId);
        Assert.Empty(call.Agents);
        // Five seconds of music and one of the goodbye: the queue's timeout fell through to the scenario's next actions.
        Assert.True(media.Received > 250, $"the caller heard {media.Received} packets");
        Assert.Empty((await Acd.GetSnapshotAsync(CancellationToken.None)).Queue(queue)!.WaitingCalls);
    }

    /// <summary>Starts the agent's phone, and once the ACD counts it as registered, makes the agent Ready.</summary>
    private async Task<Baresip> ReadyPhoneAsync(Guid agentId, string username, string password, string answerMode, TemporaryDirectory directory)
    {
        var account = $"<sip:{username}@127.0.0.1:{_server.SipEndPoint.Port};transport=udp>;auth_pass={password};answermode={answerMode};regint=600";
        var phone = await Baresip.StartAsync(account, directory);
        await _server.AgentBecomesAsync(agentId, agent => agent.Reachable, phone.Output);
        await _server.SetReadyAsync(agentId);
        return phone;
    }

    private static async Task OutputShowsAsync(Baresip phone, params string[] texts)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!texts.Any(text => phone.Output.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(guard.IsCancellationRequested, $"Never printed any of {string.Join(", ", texts)}:\n{phone.Output}");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
