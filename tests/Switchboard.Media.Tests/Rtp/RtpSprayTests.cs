using Switchboard.Media.Bridging;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestMedia;
using Switchboard.Testing.Peers;

namespace Switchboard.Media.Tests.Rtp;

/// <summary>
/// A call bridged between two plain legs, as the B2BUA bridges a caller and an agent, over real UDP on 127.0.0.1,
/// while a third party sprays the whole RTP port range with RTP and RTCP, before the call and all through it.
/// </summary>
public class RtpSprayTests
{
    private const int FirstPort = 46100;
    private const int LastPort = 46139;
    private const int Frames = 50;

    [Fact]
    public async Task A_third_party_spraying_the_port_range_gets_none_of_the_calls_audio_or_reports_and_the_parties_still_hear_each_other()
    {
        await using var sprayer = new RtpSprayer(FirstPort, LastPort);
        await using var caller = new PlainPhone(0x11);
        await using var agent = new PlainPhone(0x22);
        await using var legs = new LoopbackLegs(FirstPort, LastPort);
        await Eventually.HoldsAsync(() => sprayer.Rounds > 5, "the spray is under way before the call");
        var callerLeg = legs.Open();
        var agentLeg = legs.Open();
        callerLeg.Connect(caller.RtpEndPoint, caller.RtcpEndPoint, RtpMediaFormat.Pcmu);
        agentLeg.Connect(agent.RtpEndPoint, agent.RtcpEndPoint, RtpMediaFormat.Pcmu);
        using var bridge = new MediaBridge(callerLeg, agentLeg);
        callerLeg.Start();
        agentLeg.Start();
        // The spray reaches both legs' ports before either party has said a word.
        var sprayedRounds = sprayer.Rounds;
        await Eventually.HoldsAsync(() => sprayer.Rounds > sprayedRounds + 5, "the spray reaches the call's ports");

        for (var frame = 0; frame < Frames; frame++)
        {
            caller.Speak(callerLeg);
            agent.Speak(agentLeg);
            await Task.Delay(2);
        }

        await Eventually.HoldsAsync(() => caller.Heard(agent) > Frames / 2 && agent.Heard(caller) > Frames / 2, $"the parties hear each other: caller {caller}; agent {agent}");
        legs.Time.Advance(RtpSession.ReportInterval);
        await Eventually.HoldsAsync(() => caller.Reports > 0 && agent.Reports > 0, $"each party gets its leg's report: caller {caller}; agent {agent}");
        // Whatever the legs sent the sprayer would have left before the reports that the parties already have.
        await Eventually.HoldsAsync(() => sprayer.Rounds > sprayedRounds + 20, "the spray goes on");
        Assert.Equal(0, sprayer.Received);
        Assert.Equal((0, 0), (caller.Heard(RtpSprayer.Voice), agent.Heard(RtpSprayer.Voice)));
        Assert.Equal((caller.RtpEndPoint, caller.RtcpEndPoint), (callerLeg.RemoteRtpEndPoint, callerLeg.RemoteRtcpEndPoint));
        Assert.Equal((agent.RtpEndPoint, agent.RtcpEndPoint), (agentLeg.RemoteRtpEndPoint, agentLeg.RemoteRtcpEndPoint));
        Assert.True(callerLeg.Statistics.PacketsIgnored > 0, "the spray reached the caller's leg");
    }
}
