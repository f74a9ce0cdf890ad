using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Session timers (RFC 4028) on both sides of the switchboard, with intervals of a few seconds (the minimum is lowered
/// to 2 s here; 90 s by default): a peer that stops refreshing, or that the switchboard cannot refresh, is hung up
/// with a BYE; one that refreshes keeps its call past the interval. Callers wait in a queue; forward targets are sipp.
/// </summary>
public sealed class SessionTimerTests : IAsyncLifetime
{
    private const string QueueNumber = "+12025550100";
    private const string ForwardNumber = "+12025550101";

    private readonly TelephonyServer _server = new(settings: new Dictionary<string, string> { ["Switchboard:Sip:SessionTimer:MinSeconds"] = "2" });
    private readonly int _targetPort = FreePort.Find();

    public async Task InitializeAsync()
    {
        await _server.AddOutboundTrunkAsync($"127.0.0.1:{_targetPort}", "127.0.0.1/32");
        var queue = await _server.AddQueueAsync(new QueueInput("Support", MaxWaitSeconds: 600));
        await _server.AddNumberAsync(QueueNumber, new QueueAction(queue), new HangupAction());
        await _server.AddNumberAsync(ForwardNumber, new ForwardAction($"sip:bob@127.0.0.1:{_targetPort}"));
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_caller_that_asked_to_refresh_and_never_does_is_hung_up_before_the_interval_is_up()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippSessionTimerScenarios.CallerWhoNeverRefreshes(QueueNumber[1..], media.Port, seconds: 3), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        // The 200 granted 3 s with the caller refreshing (Require: timer), and the switchboard's BYE came: the queue's 600 s were not waited.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("the session with the caller was not refreshed within 3 s", call.Detail);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Equal(_server.Telephony.Ports.Capacity, _server.Telephony.Ports.Available);
    }

    [Fact]
    public async Task A_caller_that_refreshes_with_re_INVITEs_keeps_its_call_past_the_interval()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippSessionTimerScenarios.CallerWhoRefreshes(QueueNumber[1..], media.Port, seconds: 6, refreshes: 1), "u1",
            directory);
        var call = await _server.Events.NextEndedAsync();

        // 6 s in all, past the 4 s after which an unrefreshed session ends; every answer renewed the terms.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
    }

    [Fact]
    public async Task A_caller_without_timer_support_is_refreshed_by_the_switchboard_and_keeps_its_call()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippSessionTimerScenarios.CallerWithoutTimerSupport(QueueNumber[1..], media.Port, seconds: 3), "u1",
            directory);
        var call = await _server.Events.NextEndedAsync();

        // The 200 named the switchboard (uas) the refresher, its re-INVITE came at half the interval, and the call outlived it.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.CallerHungUp, call.Result);
    }

    [Fact]
    public async Task A_caller_asking_for_less_than_the_minimum_interval_is_refused_with_422_and_the_minimum()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippSessionTimerScenarios.CallerAskingTooShort(QueueNumber[1..], media.Port, minimum: 2), "u1", directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task A_forward_target_that_was_to_refresh_and_never_does_is_hung_up_and_so_is_the_caller()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippSessionTimerScenarios.TargetWhoNeverRefreshes(seconds: 3), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp(ForwardNumber[1..], media.Port), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        // Our INVITE offered 1800 s; the target granted 3 s it would refresh, did not, and both sides got a BYE.
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.Forwarded, call.Result);
        Assert.Equal("the session with the called leg was not refreshed within 3 s", call.Detail);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task A_forward_target_that_leaves_the_refreshes_to_the_switchboard_is_refreshed_and_keeps_its_call()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippSessionTimerScenarios.TargetRefreshedBySwitchboard(seconds: 3), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp(ForwardNumber[1..], media.Port), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        // The target hung up itself, after the switchboard's refresh and past the interval: no expiry ended the call.
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.Forwarded, call.Result);
        Assert.Equal("", call.Detail);
    }
}
