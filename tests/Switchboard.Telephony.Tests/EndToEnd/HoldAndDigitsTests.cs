using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// An agent in conversation puts the caller on hold and takes them back, and sends digits, from the workspace: the
/// caller (sipp) and the agent's device (sipp registered as their phone) each hear through a <see cref="MediaPeer"/>.
/// </summary>
public sealed class HoldAndDigitsTests : IAsyncLifetime
{
    private const byte CallerVoice = 0x11;
    private const byte AliceVoice = 0x22;
    // A second of speech or music: enough for a listener to be sure.
    private const int Packets = 50;
    // Packets already on their way when the bridge came down may still arrive.
    private const int InFlight = 2;

    private readonly TelephonyServer _server = new();
    private Guid _alice;
    private Dictionary<Guid, string> _names = [];

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", SippDevice.SipPassword("alice"));
        _names = new() { [_alice] = "alice" };
        var queue = await _server.AddQueueAsync(new QueueInput("Support", Members: [new QueueMember(_alice, 1, 0)]));
        await _server.AddQueueNumberAsync(queue);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task On_hold_the_caller_hears_music_and_the_agent_no_longer_hears_the_caller_until_taken_back()
    {
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);

        var held = await _server.UserCalls().SetHoldAsync(callId, _alice, true, CancellationToken.None);
        var (callerSpoke, aliceHeardCaller, callerHeardAlice, callerHeardMusic) =
            (callerMedia.Sent, aliceMedia.Heard(callerMedia), callerMedia.Heard(aliceMedia), callerMedia.HeardBesides(aliceMedia));
        await callerMedia.WaitUntilAsync(
            peer => peer.HeardBesides(aliceMedia) >= callerHeardMusic + Packets && peer.Sent >= callerSpoke + Packets,
            "heard the music on hold while talking on");
        var (aliceHeardOnHold, callerHeardAliceOnHold) = (aliceMedia.Heard(callerMedia) - aliceHeardCaller, callerMedia.Heard(aliceMedia) - callerHeardAlice);
        var resumed = await _server.UserCalls().SetHoldAsync(callId, _alice, false, CancellationToken.None);
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var hungUp = await _server.UserCalls().HangUpAsync(callId, _alice, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();

        Assert.True(held);
        // A second of the caller's speech went out on hold; Alice heard none of it, and the caller heard music, not Alice.
        Assert.InRange(aliceHeardOnHold, 0, InFlight);
        Assert.InRange(callerHeardAliceOnHold, 0, InFlight);
        Assert.True(resumed);
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.Equal(
            ["alice ringing", "alice stopped ringing: Answered", "alice connected", "alice held the caller", "alice took the caller back", "alice left: HungUp"],
            _server.WorkspaceEventsOf(callId, _names));
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }

    [Fact]
    public async Task Digits_sent_from_the_workspace_reach_the_caller_as_telephone_events()
    {
        using var callerDirectory = new TemporaryDirectory();
        await using var callerMedia = new MediaPeer(CallerVoice);
        await using var aliceMedia = new MediaPeer(AliceVoice);
        await using var alice = await _server.ReadyDeviceAsync(_alice, "alice", SippDeviceScenarios.AnswersUntilBye(aliceMedia.Port));
        await using var caller = await _server.CallAsync(WorkspaceScenarios.CallerUntilServerHangsUp(callerMedia.Port), callerDirectory);
        var callId = (await _server.Events.WaitForAsync<UserConnected>(connected => connected.UserId == _alice)).CallId;

        var sent = await _server.UserCalls().SendDigitsAsync(callId, _alice, "12#", CancellationToken.None);
        await callerMedia.WaitUntilAsync(peer => peer.Digits.Length >= 3, "received three digits");
        await WorkspaceSteps.HearEachOtherAsync(callerMedia, aliceMedia);
        var hungUp = await _server.UserCalls().HangUpAsync(callId, _alice, CancellationToken.None);
        var callerRun = await caller.WaitAsync();
        var aliceRun = await alice.WaitAsync();

        Assert.True(sent);
        Assert.Equal("12#", callerMedia.Digits);
        // The digits are for the caller; the agent's own device is not played them back.
        Assert.Equal("", aliceMedia.Digits);
        Assert.True(callerRun.ExitCode == 0, callerRun.ToString());
        Assert.True(aliceRun.ExitCode == 0, aliceRun.ToString());
        Assert.True(hungUp, "The workspace was told that the call it hung up was not its own.");
    }
}
