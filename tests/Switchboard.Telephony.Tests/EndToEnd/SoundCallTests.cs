using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>sipp calls the real server from a trunk's address; the number's scenario plays a sound and hangs up.</summary>
public sealed class SoundCallTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string LongGreetingNumber = "+12025550111";
    private const string AnswerOnlyNumber = "+12025550122";
    private static readonly TimeSpan SoundLength = TimeSpan.FromSeconds(2);

    private readonly TelephonyServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        var sound = await _server.AddToneAsync("Greeting", SoundLength);
        await _server.AddNumberAsync(Number, new PlaySoundAction(sound), new HangupAction());
        await _server.AddNumberAsync(LongGreetingNumber, new PlaySoundAction(sound, Repeat: 10), new HangupAction());
        await _server.AddNumberAsync(AnswerOnlyNumber, new AnswerAction(), new HangupAction());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_caller_hears_the_whole_sound_and_then_the_switchboard_hangs_up(string transport)
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        // Dialled as trunks often send it, without the '+'.
        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), transport, directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        // 20 ms packets for the whole sound: 100 for two seconds.
        var expected = (long)(SoundLength.TotalMilliseconds / 20);
        Assert.InRange(media.Received, expected - 2, expected + 2);
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.Equal(Number, call.DialledNumber);
        Assert.Equal(media.Received, call.CallerMedia!.PacketsSent);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(("hungUpByScenario", Number, "sipp"), (record.Result, record.DialledNumber, record.CallerNumber));
        Assert.NotNull(record.AnsweredAt);
    }

    [Fact]
    public async Task Answer_then_hangup_answers_the_caller_plays_nothing_and_sends_a_bye()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550122", media.Port), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.Equal(0, call.CallerMedia!.PacketsSent);
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(("hungUpByScenario", AnswerOnlyNumber), (record.Result, record.DialledNumber));
        Assert.NotNull(record.AnsweredAt);
    }

    [Fact]
    public async Task Garbage_sent_during_a_call_leaves_the_call_unharmed()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", directory);
        await media.WaitForAsync(10);
        await Garbage.SendAsync(_server.SipEndPoint);
        var run = await sipp;
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.InRange(media.Received, (long)(SoundLength.TotalMilliseconds / 20) - 2, (long)(SoundLength.TotalMilliseconds / 20) + 2);
    }

    [Fact]
    public async Task A_pressed_key_is_reported_and_a_hold_is_answered_recvonly()
    {
        using var directory = new TemporaryDirectory();

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallPressOneHoldAndHangUp("12025550111"), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1", call.Digits);
        Assert.Contains(_server.Events.All, e => e is DigitPressed { Digit: '1' });
        Assert.Equal(CallResult.CallerHungUp, call.Result);
    }

    [Fact]
    public async Task A_number_that_is_not_ours_gets_404_and_a_call_record()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallRefused("19995550000", media.Port, 404), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SIP/2.0 404 Number Not Found", run.Messages, StringComparison.Ordinal);
        Assert.Equal(CallResult.NotFound, call.Result);
        Assert.Equal("notFound", Assert.Single(await _server.CallRecordsAsync()).Result);
    }

    [Fact]
    public async Task A_caller_that_is_neither_a_trunk_nor_a_device_is_challenged_as_a_device_is_hears_nothing_and_leaves_no_call_record()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        // The same 407 as a device gets: an answer that told devices from other names apart would let them be enumerated.
        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallRefused("12025550100", media.Port, 407), "u1", directory, localAddress: "127.0.0.3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SIP/2.0 407 Proxy Authentication Required", run.Messages, StringComparison.Ordinal);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Equal(0, media.Received);
        // Anyone can send these by the thousand: never written to the call history.
        Assert.Empty(await _server.CallRecordsAsync());
        Assert.DoesNotContain(_server.Events.All, callEvent => callEvent is CallFinished);
    }
}
