using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;
using Switchboard.Testing.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A live call through the real server (sipp calls a number that forwards to a second sipp) while a third party sprays
/// the server's whole RTP port range with RTP and RTCP, from before the call to its end.
/// </summary>
public sealed class RtpSprayTests : IAsyncLifetime
{
    private readonly TelephonyServer _server = new();
    private readonly int _targetPort = FreePort.Find();

    public async Task InitializeAsync()
    {
        await _server.AddOutboundTrunkAsync($"127.0.0.1:{_targetPort}", "127.0.0.1/32");
        await _server.AddNumberAsync("+12025550100", new ForwardAction("+12025550199"));
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_third_party_spraying_the_RTP_port_range_gets_nothing_of_a_live_call_whose_parties_still_hear_each_other()
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        var (first, last) = _server.RtpPorts;
        await using var sprayer = new RtpSprayer(first, last);
        await PeerWait.UntilAsync(() => sprayer.Rounds > 3, () => "The spray never got under way.");
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(), "u1", _targetPort, targetDirectory);
        await using var media = new RtpCounter(echo: true);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550100", media.Port, talkMilliseconds: 3000), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.Equal(0, sprayer.Received);
        Assert.True(media.Received > 50, $"the caller heard {media.Received} packets");
        Assert.True(call.CalleeMedia!.PacketsReceived > 50, $"the forwarded leg received {call.CalleeMedia.PacketsReceived}");
        Assert.True(call.CalleeMedia.PacketsIgnored > 0, "the spray reached the forwarded party's leg");
    }
}
