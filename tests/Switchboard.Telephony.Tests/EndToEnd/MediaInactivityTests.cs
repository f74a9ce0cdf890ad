using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A phone that vanishes without BYE sends no more audio: after the inactivity timeout (1 s here, 60 s by default)
/// the call is hung up, unless the silence is a hold. The callers here send no RTP at all.
/// </summary>
public sealed class MediaInactivityTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string ForwardNumber = "+12025550101";

    private readonly TelephonyServer _server = new(settings: new Dictionary<string, string> { ["Switchboard:Rtp:InactivityTimeoutSeconds"] = "1" });
    private readonly int _targetPort = FreePort.Find();

    public async Task InitializeAsync()
    {
        await _server.AddOutboundTrunkAsync($"127.0.0.1:{_targetPort}", "127.0.0.1/32");
        await _server.AddNumberAsync(ForwardNumber, new ForwardAction($"sip:bob@127.0.0.1:{_targetPort}"));
        var queue = await _server.AddQueueAsync(new QueueInput("Support", MaxWaitSeconds: 600));
        await _server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_caller_that_sends_no_audio_for_the_timeout_is_hung_up_and_the_call_ends()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        // The switchboard sent the BYE: the caller waited in the queue for far less than its 600 s.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no audio from the caller for 1 s", call.Detail);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Equal(_server.Telephony.Ports.Capacity, _server.Telephony.Ports.Available);
    }

    [Fact]
    public async Task A_caller_silent_on_hold_is_not_hung_up()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallHoldSilentlyAndHangUp("12025550100", media.Port, holdMilliseconds: 3000), "u1",
            directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
    }

    [Fact]
    public async Task A_forward_target_that_sends_no_audio_while_the_caller_talks_is_hung_up_and_so_is_the_caller()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerSilently(), "u1", _targetPort, targetDirectory);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallTalkingUntilServerHangsUp(ForwardNumber[1..]), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        // The caller's six seconds of speech kept its own leg alive; the silent target's was found out, and both got a BYE.
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no audio from the called leg for 1 s", call.Detail);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }
}
