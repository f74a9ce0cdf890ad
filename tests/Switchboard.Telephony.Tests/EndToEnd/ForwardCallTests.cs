using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A number's scenario forwards the call: to a number through the trunk's outbound host, or to a SIP URI. sipp
/// plays both the caller and the party the call is forwarded to, and the switchboard bridges the two.
/// </summary>
public sealed class ForwardCallTests : IAsyncLifetime
{
    private const string ForwardedToNumber = "+12025550100";
    private const string ForwardedToUri = "+12025550101";

    private readonly TelephonyServer _server = new();
    private readonly int _targetPort = FreePort.Find();

    public async Task InitializeAsync()
    {
        await _server.AddOutboundTrunkAsync($"127.0.0.1:{_targetPort}", "127.0.0.1/32");
        await _server.AddNumberAsync(ForwardedToNumber, new ForwardAction("+12025550199"));
        await _server.AddNumberAsync(ForwardedToUri, new ForwardAction($"sip:bob@127.0.0.1:{_targetPort}"));
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_call_forwarded_to_a_number_reaches_the_trunk_and_both_parties_hear_each_other_until_the_caller_hangs_up()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: true);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 3000), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        // The target answered, and ended its run only after the switchboard passed the caller's BYE on.
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.Contains("INVITE sip:+12025550199@127.0.0.1:", forwarded.Messages, StringComparison.Ordinal);
        Assert.Equal(CallResult.Forwarded, call.Result);
        // The forwarded party's voice reached the caller, and what the caller sent (the echo) reached the forwarded party.
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.True(call.CalleeMedia!.PacketsReceived > 50, $"the forwarded leg received {call.CalleeMedia.PacketsReceived}");
        Assert.True(call.CalleeMedia.PacketsSent > 50, $"the forwarded leg sent {call.CalleeMedia.PacketsSent}");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Equal("forwarded", Assert.Single(await _server.CallRecordsAsync()).Result);
    }

    [Fact]
    public async Task A_call_forwarded_to_a_sip_uri_ends_for_the_caller_when_the_forwarded_party_hangs_up()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(hangUpAfterMilliseconds: 3000), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550101", media.Port), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.Contains("INVITE sip:bob@127.0.0.1:", forwarded.Messages, StringComparison.Ordinal);
        Assert.Equal(CallResult.Forwarded, call.Result);
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task A_forward_the_target_refuses_falls_through_to_the_scenarios_next_action()
    {
        var sorry = await _server.AddToneAsync("Sorry", TimeSpan.FromSeconds(1));
        await _server.AddNumberAsync("+12025550102", new ForwardAction($"sip:bob@127.0.0.1:{_targetPort}"), new PlaySoundAction(sorry), new HangupAction());
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.RingThenRefuse(ringMilliseconds: 0), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550102", media.Port), "u1", callerDirectory);
        var call = await _server.Events.NextEndedAsync();
        var refused = await target.WaitAsync();

        Assert.True(refused.ExitCode == 0, refused.ToString());
        // Answered for the sound after the refusal, then hung up by the scenario: not a failed forward's 480.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.True(media.Received >= 40, $"the caller heard {media.Received} packets of a one-second sound");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task An_answered_caller_hears_ringback_while_the_forward_target_rings()
    {
        var hello = await _server.AddToneAsync("Hello", TimeSpan.FromSeconds(0.5));
        await _server.AddNumberAsync("+12025550103", new PlaySoundAction(hello), new ForwardAction($"sip:bob@127.0.0.1:{_targetPort}"), new HangupAction());
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.RingThenRefuse(ringMilliseconds: 3000), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550103", media.Port), "u1", callerDirectory);
        var refused = await target.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(refused.ExitCode == 0, refused.ToString());
        // Half a second of greeting is 25 packets; three seconds of ringing add about 150 more, where silence would add none.
        // A loaded machine sends fewer (a late 20 ms tick is not caught up), so one second of them is what tells the two apart.
        Assert.True(media.Received >= 25 + 50, $"the caller heard {media.Received} packets: the ringing was silent");
    }
}
