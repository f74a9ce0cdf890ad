using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Sip.Registrar;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// An agent's softphone (baresip) registers with the real server; sipp calls a number whose scenario calls that
/// agent; the switchboard bridges the two.
/// </summary>
public sealed class UserCallTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string Password = "alice-sip-1";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TelephonyServer _server = new();
    private readonly TaskCompletionSource<SipBinding> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        _alice = await _server.AddAgentAsync("alice", Password);
        await _server.SetReadyAsync(_alice);
        await _server.AddNumberAsync(Number, new CallUserAction(_alice, RingSeconds: 20), new HangupAction());
        _server.Telephony.Registrations.DeviceRegistered += (_, e) => _registered.TrySetResult(e.Binding);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    private string Account(string password, string answerMode) =>
        $"<sip:alice@127.0.0.1:{_server.SipEndPoint.Port};transport=udp>;auth_pass={password};answermode={answerMode};regint=600";

    private async Task<Baresip> RegisteredPhoneAsync(TemporaryDirectory directory, string answerMode)
    {
        var phone = await Baresip.StartAsync(Account(Password, answerMode), directory);
        var finished = await Task.WhenAny(_registered.Task, Task.Delay(Guard));
        Assert.True(finished == _registered.Task, phone.Output);
        return phone;
    }

    [Fact]
    public async Task The_caller_and_the_agent_hear_each_other_and_the_callers_hangup_ends_the_agents_leg()
    {
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var phone = await RegisteredPhoneAsync(phoneDirectory, "auto");
        await using var media = new RtpCounter(echo: true);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 3000), "u1", sippDirectory);
        var call = await _server.Events.NextEndedAsync();
        await phone.WaitForOutputAsync("BYE sip:");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.AnsweredByUser, call.Result);
        Assert.Equal(_alice, Assert.Single(call.Agents).UserId);
        // The agent's microphone reached the caller, and what the caller sent (the echo) reached the agent.
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.True(call.CalleeMedia!.PacketsReceived > 50, $"the agent's leg received {call.CalleeMedia.PacketsReceived}");
        Assert.True(call.CalleeMedia.PacketsSent > 50, $"the agent's leg sent {call.CalleeMedia.PacketsSent}");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(("answeredByUser", (Guid?)_alice), (record.Result, record.Agents.SingleOrDefault()?.UserId));
    }

    [Fact]
    public async Task The_agents_hangup_ends_the_callers_leg()
    {
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var phone = await RegisteredPhoneAsync(phoneDirectory, "auto");
        await using var media = new RtpCounter(echo: true);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", sippDirectory);
        await media.WaitForAsync(50);
        await phone.HangUpAsync();
        var run = await sipp;
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.AnsweredByUser, call.Result);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task A_caller_who_cancels_while_the_agent_rings_leaves_no_leg_behind()
    {
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var phone = await RegisteredPhoneAsync(phoneDirectory, "manual");
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CancelWhileRinging("12025550100", media.Port), "u1", sippDirectory);
        var call = await _server.Events.NextEndedAsync();
        await phone.WaitForOutputAsync("CANCEL sip:");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
        Assert.Null(call.AnsweredAt);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task An_answered_caller_hears_ringback_while_the_user_rings()
    {
        var hello = await _server.AddToneAsync("Hello", TimeSpan.FromSeconds(0.5));
        await _server.AddNumberAsync("+12025550101", new PlaySoundAction(hello), new CallUserAction(_alice, RingSeconds: 5), new HangupAction());
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var phone = await RegisteredPhoneAsync(phoneDirectory, "manual");
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550101", media.Port), "u1", sippDirectory);
        await phone.WaitForOutputAsync("CANCEL sip:");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Half a second of greeting is 25 packets; five seconds of ringing add about 250 more, where silence would add none.
        Assert.True(media.Received >= 25 + 150, $"the caller heard {media.Received} packets: the ringing was silent");
    }

    [Fact]
    public async Task A_user_who_is_not_ready_is_not_rung_and_the_scenario_goes_on()
    {
        var sorry = await _server.AddToneAsync("Sorry", TimeSpan.FromSeconds(1));
        await _server.AddNumberAsync("+12025550102", new CallUserAction(_alice, RingSeconds: 20), new PlaySoundAction(sorry), new HangupAction());
        await _server.SetStatusAsync(_alice, AgentStatus.BackSoon);
        using var phoneDirectory = new TemporaryDirectory();
        using var sippDirectory = new TemporaryDirectory();
        await using var phone = await RegisteredPhoneAsync(phoneDirectory, "auto");
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550102", media.Port), "u1", sippDirectory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        // Alice's phone would have answered at once: the call went on to the sound and the hang-up instead.
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.Empty(call.Agents);
        Assert.True(media.Received >= 40, $"the caller heard {media.Received} packets of a one-second sound");
        Assert.DoesNotContain("INVITE sip:", phone.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_with_a_wrong_password_is_refused_and_not_registered()
    {
        using var directory = new TemporaryDirectory();
        await using var phone = await Baresip.StartAsync(Account("wrong-password", "auto"), directory);

        await phone.WaitForOutputAsync("SIP/2.0 403 Forbidden");

        Assert.Empty(_server.Telephony.Registrations.GetContacts("alice"));
        Assert.False(_registered.Task.IsCompleted);
    }
}
