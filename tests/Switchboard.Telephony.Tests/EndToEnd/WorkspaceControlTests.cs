using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// What an agent's workspace is told of the calls that ring their SIP device, and what refusing and hanging up from
/// the workspace do to it: sipp calls a queue's number, and the agents' devices are sipp registered as their phones.
/// </summary>
public sealed class WorkspaceControlTests : IAsyncLifetime
{
    private const byte CallerVoice = 0x11;
    private const byte AliceVoice = 0x22;
    private const byte BobVoice = 0x33;

    private readonly TelephonyServer _server = new();
    private Guid _alice;
    private Guid _bob;
    private Dictionary<Guid, string> _names = [];

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", SippDevice.SipPassword("alice"));
        _bob = await _server.AddAgentAsync("bob", SippDevice.SipPassword("bob"));
        _names = new() { [_alice] = "alice", [_bob] = "bob" };
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task Refusing_from_the_workspace_cancels_the_ringing_device_and_rings_the_next_ready_agent_at_once()
    {
        // Alice would ring for five minutes, far beyond any wait here: Bob rings only because she refused.
        var queue = await _server.AddQueueAsync(new QueueInput(
            "Support", QueueStrategy.TopDown, RingTimeoutSeconds: 300, Members: [new QueueMember(_alice, 1, 0), new QueueMember(_bob, 1, 1)]));
        await _server.AddQueueNumberAsync(queue);
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var bobMedia = new MediaPeer(BobVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.RingsUntilCancelled());
        await using var bob = await _server.ReadyDeviceAsync(_bob, "bob", SippDeviceScenarios.AnswersUntilBye(bobMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);

        var ringing = await _server.Events.WaitForAsync<UserRinging>(ringing => ringing.UserId == _alice);
        var refused = await _server.UserCalls().RefuseAsync(ringing.CallId, _alice, CancellationToken.None);
        var aliceRun = await alice.WaitAsync();
        await _server.Events.WaitForAsync<UserConnected>(connected => connected.CallId == ringing.CallId && connected.UserId == _bob);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, bobMedia);
        var hungUp = await _server.UserCalls().HangUpAsync(ringing.CallId, _bob, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var bobRun = await bob.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(refused);
        // Alice's device was cancelled (its scenario waits for the CANCEL and ends only after it).
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(bobRun.ExitCode == 0, bobRun.ToString());
        Assert.Equal((CallResult.AnsweredFromQueue, (Guid?)_bob), (call.Result, call.Agents.SingleOrDefault()?.UserId));
        Assert.Equal(
            ["alice ringing", "alice stopped ringing: Refused", "bob ringing", "bob stopped ringing: Answered", "bob connected", "bob left: HungUp"],
            _server.WorkspaceEventsOf(call.CallId, _names));
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }

    [Fact]
    public async Task A_ringing_agent_is_told_who_calls_through_which_queue_and_that_the_caller_hung_up()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Support", RingTimeoutSeconds: 45, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddQueueNumberAsync(queue);
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.RingsUntilCancelled(WorkspaceScenarios.CallerNumber));

        // The caller hears the queue's music for three seconds, while Alice's device rings, and hangs up.
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerHangsUpAfter(callerMedia.Port, 3000), callerDirectory);
        var ringing = await _server.Events.WaitForAsync<UserRinging>(ringing => ringing.UserId == _alice);
        var offered = await _server.AgentBecomesAsync(_alice, agent => agent.OfferId is not null);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.Equal(
            (WorkspaceScenarios.CallerNumber, WorkspaceScenarios.CallerName, (Guid?)queue, offered.OfferId?.Value, TimeSpan.FromSeconds(45), false),
            (ringing.CallerNumber, ringing.CallerName, ringing.QueueId, ringing.OfferId, ringing.RingTimeout, ringing.Webphone));
        Assert.NotNull(ringing.WaitingSince);
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        // The device saw the caller's number in its INVITE, and was cancelled when the caller hung up.
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
        Assert.Equal(["alice ringing", "alice stopped ringing: CallerHungUp"], _server.WorkspaceEventsOf(call.CallId, _names));
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.Idle && agent.OfferId is null);
    }

    [Fact]
    public async Task Hanging_up_from_the_workspace_ends_the_call_for_the_caller_and_the_device_and_the_agent_wraps_up()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Support", WrapUpSeconds: 60, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddQueueNumberAsync(queue);
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);

        var connected = await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var hungUp = await _server.UserCalls().HangUpAsync(connected.CallId, _alice, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        // Both scenarios end only after the switchboard's BYE.
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.Equal((CallResult.AnsweredFromQueue, (Guid?)_alice), (call.Result, call.Agents.SingleOrDefault()?.UserId));
        Assert.Equal(
            ["alice ringing", "alice stopped ringing: Answered", "alice connected", "alice left: HungUp"],
            _server.WorkspaceEventsOf(call.CallId, _names));
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.WrapUp);
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }

    [Fact]
    public async Task Requests_for_a_call_that_is_not_the_users_are_refused_and_leave_the_call_as_it_was()
    {
        var queue = await _server.AddQueueAsync(new QueueInput("Support", Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddQueueNumberAsync(queue);
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var calls = _server.UserCalls();
        var unknownCall = Guid.NewGuid();
        var none = CancellationToken.None;

        // Bob is not on Alice's call; Alice talks on it, so it no longer rings her; nobody is on a call that does not exist.
        var accepts = new[]
        {
            (await calls.AcceptAsync(callId, _bob, "v=0\r\n", none)).Status,
            (await calls.AcceptAsync(callId, _alice, "v=0\r\n", none)).Status,
            (await calls.AcceptAsync(unknownCall, _alice, "v=0\r\n", none)).Status,
        };
        var refusals = new[] { await calls.RefuseAsync(callId, _bob, none), await calls.RefuseAsync(callId, _alice, none), await calls.RefuseAsync(unknownCall, _alice, none) };
        var hangUps = new[] { await calls.HangUpAsync(callId, _bob, none), await calls.HangUpAsync(unknownCall, _alice, none) };
        var holds = new[] { await calls.SetHoldAsync(callId, _bob, true, none), await calls.SetHoldAsync(unknownCall, _alice, true, none) };
        var digits = new[] { await calls.SendDigitsAsync(callId, _bob, "1", none), await calls.SendDigitsAsync(unknownCall, _alice, "1", none) };
        var transfers = new[]
        {
            await calls.TransferAsync(callId, _bob, new TransferToQueue(queue), none),
            await calls.TransferAsync(unknownCall, _alice, new TransferToQueue(queue), none),
        };
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var eventsMeanwhile = _server.WorkspaceEventsOf(callId, _names);
        var hungUp = await calls.HangUpAsync(callId, _alice, none);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();

        Assert.All(accepts, status => Assert.Equal(WebphoneAcceptStatus.NotRinging, status));
        Assert.All(refusals, Assert.False);
        Assert.All(hangUps, Assert.False);
        Assert.All(holds, Assert.False);
        Assert.All(digits, Assert.False);
        Assert.All(transfers, outcome => Assert.Equal(TransferOutcome.NoSuchCall, outcome));
        // The caller and Alice went on talking: no digit reached the caller, nobody was held, left or rung.
        Assert.Equal("", callerMedia.Digits);
        Assert.Equal(["alice ringing", "alice stopped ringing: Answered", "alice connected"], eventsMeanwhile);
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }
}
