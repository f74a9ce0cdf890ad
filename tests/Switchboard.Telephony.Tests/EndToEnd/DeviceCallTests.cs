using Switchboard.Domain.Routing;
using Switchboard.Sip.Registrar;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Calls placed from an agent's own SIP device rather than a trunk: no trunk admits 127.0.0.1 here, so the server
/// challenges the INVITE with 407 and runs the dialled number's scenario only for the device's right credentials.
/// </summary>
public sealed class DeviceCallTests : IAsyncLifetime
{
    private const string Number = "+12025550100";
    private const string Password = "alice-sip-1";
    private static readonly TimeSpan SoundLength = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TelephonyServer _server = new();
    private readonly TaskCompletionSource<SipBinding> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("192.0.2.0/24");
        await _server.AddAgentAsync("alice", Password);
        var sound = await _server.AddToneAsync("Greeting", SoundLength);
        await _server.AddNumberAsync(Number, new PlaySoundAction(sound), new HangupAction());
        _server.Telephony.Registrations.DeviceRegistered += (_, e) => _registered.TrySetResult(e.Binding);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    /// <summary>sipp's digest options; the digest's uri must be the Request-URI (RFC 2617 §3.2.2.5), not sipp's default address.</summary>
    private string[] Credentials(string password) =>
        ["-au", "alice", "-ap", password, "-auth_uri", $"{Number}@127.0.0.1:{_server.SipEndPoint.Port}"];

    // 20 ms packets for the whole sound: 100 for two seconds.
    private static long SoundPackets => (long)(SoundLength.TotalMilliseconds / 20);

    [Fact]
    public async Task A_registered_phone_that_dials_a_number_authenticates_and_hears_its_scenario()
    {
        using var directory = new TemporaryDirectory();
        await using var phone = await Baresip.StartAsync(
            $"<sip:alice@127.0.0.1:{_server.SipEndPoint.Port};transport=udp>;auth_pass={Password};answermode=manual;regint=600", directory);
        var finished = await Task.WhenAny(_registered.Task, Task.Delay(Guard));
        Assert.True(finished == _registered.Task, phone.Output);

        await phone.DialAsync($"sip:{Number}@127.0.0.1:{_server.SipEndPoint.Port}");
        var call = await _server.Events.NextEndedAsync();
        await phone.WaitForOutputAsync("BYE sip:");

        Assert.Contains("SIP/2.0 407 Proxy Authentication Required", phone.Output, StringComparison.Ordinal);
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.Equal(("alice", Number), (call.CallerNumber, call.DialledNumber));
        Assert.InRange(call.CallerMedia!.PacketsSent, SoundPackets - 2, SoundPackets + 2);
        // The phone's microphone reached the switchboard while the greeting played.
        Assert.True(call.CallerMedia.PacketsReceived > SoundPackets / 2, $"the phone sent {call.CallerMedia.PacketsReceived} packets");
        Assert.Equal(0, _server.Telephony.LiveCallCount);
    }

    [Fact]
    public async Task A_device_that_answers_the_challenge_hears_the_whole_sound()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.AuthenticatedCallUntilServerHangsUp(Number, media.Port, "alice"), "u1", directory,
            Credentials(Password));
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Proxy-Authorization: Digest", run.Messages, StringComparison.Ordinal);
        Assert.InRange(media.Received, SoundPackets - 2, SoundPackets + 2);
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        var record = Assert.Single(await _server.CallRecordsAsync());
        Assert.Equal(("hungUpByScenario", Number, "alice"), (record.Result, record.DialledNumber, record.CallerNumber));
    }

    [Fact]
    public async Task A_device_with_a_wrong_password_is_refused_hears_nothing_and_leaves_no_call_record()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        using var refused = new RefusedInvites(_server);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.AuthenticatedCallRefused(Number, media.Port, "alice", 403), "u1", directory,
            Credentials("wrong-password"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, media.Received);
        Assert.Equal(0, _server.Telephony.LiveCallCount);
        Assert.Equal(1, refused.Count);
        Assert.Empty(await _server.CallRecordsAsync());
    }
}
