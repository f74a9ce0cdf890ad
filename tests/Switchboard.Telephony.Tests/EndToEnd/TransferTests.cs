using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Blind transfers from the workspace of an agent talking with a caller from a queue: to another agent's SIP device,
/// to another queue, to a number, and to a user who has no phone; the call record keeps every agent and transfer. Caller and devices are sipp, heard through <see cref="MediaPeer"/>s.
/// </summary>
public sealed class TransferTests : IAsyncLifetime
{
    private const byte CallerVoice = 0x11;
    private const byte AliceVoice = 0x22;
    private const byte BobVoice = 0x33;

    private readonly TelephonyServer _server = new();
    private Guid _alice;
    private Guid _bob;
    private Guid _support;
    private Dictionary<Guid, string> _names = [];

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", SippDevice.SipPassword("alice"));
        _bob = await _server.AddAgentAsync("bob", SippDevice.SipPassword("bob"));
        _names = new() { [_alice] = "alice", [_bob] = "bob" };
        _support = await _server.AddQueueAsync(new QueueInput("Support", WrapUpSeconds: 60, Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddQueueNumberAsync(_support);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_call_transferred_to_an_agent_rings_their_device_with_the_callers_number_and_is_bridged_on_answer()
    {
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var bobMedia = new MediaPeer(BobVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        // Bob's phone is registered; he is in no queue and not Ready, which a transfer to him does not ask.
        await using var bob = await AgentDevice.StartAsync(_server, "bob", SippDeviceScenarios.AnswersUntilBye(bobMedia.Port, WorkspaceScenarios.CallerNumber));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);

        var aliceConnected = await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice);
        var outcome = await _server.UserCalls().TransferAsync(callId, _alice, new TransferToUser(_bob), CancellationToken.None);
        var aliceRun = await alice.WaitAsync();
        var bobRinging = await _server.Events.WaitForAsync<UserRinging>(ringing => ringing.UserId == _bob);
        var bobConnected = await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _bob);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, bobMedia);
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.WrapUp);
        // The ACD gave Bob no call, but knows he is on one: it offers him nothing until he hangs up.
        await _server.AgentBecomesAsync(_bob, agent => agent.BusyElsewhere);
        var hungUp = await _server.UserCalls().HangUpAsync(callId, _bob, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var bobRun = await bob.WaitAsync();
        var call = await _server.Events.NextEndedAsync();
        await _server.AgentBecomesAsync(_bob, agent => !agent.BusyElsewhere);

        Assert.Equal(TransferOutcome.Transferred, outcome);
        // Alice's device got its BYE (its scenario ends only after one); Bob's saw the caller's number in the INVITE.
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.True(bobRun.ExitCode == 0, bobRun.ToString());
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.Equal((WorkspaceScenarios.CallerNumber, (long?)null, false), (bobRinging.CallerNumber, bobRinging.OfferId, bobRinging.Webphone));
        // The record keeps Alice, who transferred, then Bob, who hung up, and the transfer between them.
        Assert.Equal(
            [(_alice, aliceConnected.At, UserLeftReason.Transferred), (_bob, bobConnected.At, UserLeftReason.HungUp)],
            call.Agents.Select(agent => (agent.UserId, agent.ConnectedAt, agent.Left)));
        var transfer = Assert.Single(call.Transfers);
        Assert.Equal((_alice, (Guid?)_bob, (Guid?)null, (string?)null), (transfer.ByUserId, transfer.ToUserId, transfer.ToQueueId, transfer.ToNumber));
        Assert.True(call.Agents[0].LeftAt <= transfer.At && transfer.At <= call.Agents[1].ConnectedAt && call.Agents[1].LeftAt <= call.EndedAt,
            $"alice left at {call.Agents[0].LeftAt:O}, transferred at {transfer.At:O}, bob connected at {call.Agents[1].ConnectedAt:O}, left at {call.Agents[1].LeftAt:O}, the call ended at {call.EndedAt:O}");
        await StoredAsAsync(call);
        Assert.Equal(
            ["alice ringing", "alice stopped ringing: Answered", "alice connected", "alice left: Transferred",
             "bob ringing", "bob stopped ringing: Answered", "bob connected", "bob left: HungUp"],
            _server.WorkspaceEventsOf(callId, _names));
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }

    [Fact]
    public async Task A_call_transferred_to_a_queue_waits_there_and_is_offered_to_its_agent()
    {
        var sales = await _server.AddQueueAsync(new QueueInput("Sales", Members: [new QueueMember(_bob, 1, 0)]));
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var bobMedia = new MediaPeer(BobVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var bob = await AgentDevice.StartAsync(_server, "bob", SippDeviceScenarios.AnswersUntilBye(bobMedia.Port, WorkspaceScenarios.CallerNumber));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;

        var outcome = await _server.UserCalls().TransferAsync(callId, _alice, new TransferToQueue(sales), CancellationToken.None);
        var aliceRun = await alice.WaitAsync();
        // Bob is not Ready yet: the call waits in Sales until he is.
        var waiting = Assert.Single((await _server.CallWaitsInAsync(sales)).WaitingCalls);
        await _server.AgentBecomesAsync(_bob, agent => agent.Reachable, bob.Output);
        await _server.SetReadyAsync(_bob);
        var bobRinging = await _server.Events.WaitForAsync<UserRinging>(ringing => ringing.UserId == _bob);
        await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _bob);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, bobMedia);
        var hungUp = await _server.UserCalls().HangUpAsync(callId, _bob, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var bobRun = await bob.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.Equal(TransferOutcome.Transferred, outcome);
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.Equal(callId, waiting.CallId);
        Assert.Equal((WorkspaceScenarios.CallerNumber, (Guid?)sales), (bobRinging.CallerNumber, bobRinging.QueueId));
        Assert.NotNull(bobRinging.OfferId);
        Assert.True(bobRun.ExitCode == 0, bobRun.ToString());
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.Equal((Guid?)sales, call.QueueId);
        Assert.Equal([(_alice, UserLeftReason.Transferred), (_bob, UserLeftReason.HungUp)], call.Agents.Select(agent => (agent.UserId, agent.Left)));
        var transfer = Assert.Single(call.Transfers);
        Assert.Equal((_alice, (Guid?)null, (Guid?)sales, (string?)null), (transfer.ByUserId, transfer.ToUserId, transfer.ToQueueId, transfer.ToNumber));
        await StoredAsAsync(call);
        Assert.Equal(
            ["alice ringing", "alice stopped ringing: Answered", "alice connected", "alice left: Transferred",
             "bob ringing", "bob stopped ringing: Answered", "bob connected", "bob left: HungUp"],
            _server.WorkspaceEventsOf(callId, _names));
        await _server.AgentBecomesAsync(_alice, agent => agent.Activity == AgentActivity.WrapUp);
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }

    [Fact]
    public async Task A_transfer_to_a_user_without_a_registered_phone_is_refused_and_the_caller_stays_with_the_agent()
    {
        // Bob's device never registers.
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);

        var outcome = await _server.UserCalls().TransferAsync(callId, _alice, new TransferToUser(_bob), CancellationToken.None);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var eventsMeanwhile = _server.WorkspaceEventsOf(callId, _names);
        var hungUp = await _server.UserCalls().HangUpAsync(callId, _alice, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();

        Assert.Equal(TransferOutcome.TargetUnreachable, outcome);
        Assert.Equal(["alice ringing", "alice stopped ringing: Answered", "alice connected"], eventsMeanwhile);
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }
    [Fact]
    public async Task A_call_transferred_to_a_number_is_recorded_with_the_agent_who_transferred_it_and_where_it_went()
    {
        var targetPort = FreePort.Find();
        var destination = $"sip:carol@127.0.0.1:{targetPort}";
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(hangUpAfterMilliseconds: 1000), "u1", targetPort, targetDirectory);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;

        var outcome = await _server.UserCalls().TransferAsync(callId, _alice, new TransferToNumber(destination), CancellationToken.None);
        var targetRun = await target.WaitAsync();
        var callerRun = await caller.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.Equal(TransferOutcome.Transferred, outcome);
        Assert.True(targetRun.ExitCode == 0, targetRun.ToString());
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.Equal([(_alice, UserLeftReason.Transferred)], call.Agents.Select(agent => (agent.UserId, agent.Left)));
        var transfer = Assert.Single(call.Transfers);
        Assert.Equal((_alice, (Guid?)null, (Guid?)null, (string?)destination), (transfer.ByUserId, transfer.ToUserId, transfer.ToQueueId, transfer.ToNumber));
        await StoredAsAsync(call);
    }

    /// <summary>The call's record holds the agents and transfers its summary had, in order.</summary>
    private async Task StoredAsAsync(CallSummary call)
    {
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(
            call.Agents.Select(agent => (agent.UserId, agent.ConnectedAt, agent.LeftAt, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(agent.Left.ToString()))),
            record.Agents.OrderBy(agent => agent.Position).Select(agent => (agent.UserId, agent.ConnectedAt, agent.LeftAt, agent.Ending)));
        Assert.Equal(
            call.Transfers.Select(transfer => (transfer.At, transfer.ByUserId, transfer.ToUserId, transfer.ToQueueId, transfer.ToNumber)),
            record.Transfers.OrderBy(transfer => transfer.Position).Select(transfer => (transfer.At, transfer.ByUserId, transfer.ToUserId, transfer.ToQueueId, transfer.ToNumber)));
    }
}
