using Switchboard.Media.Bridging;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestAudio;
using Switchboard.Media.Tests.TestMedia;

namespace Switchboard.Media.Tests.Bridging;

public class MediaBridgeTests
{
    private static readonly RtpMediaFormat AgentFormat = new(AudioEncoding.Pcma, 8, 96);

    [Fact]
    public async Task Caller_on_PCMU_and_agent_on_PCMA_hear_each_other()
    {
        await using var legs = new LoopbackLegs();
        var callerHears = new PacketRecorder();
        var agentHears = new PacketRecorder();
        var (caller, callerLeg) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, firstSink: callerHears);
        var (agentLeg, agent) = legs.OpenPair(AgentFormat, AgentFormat, secondSink: agentHears);
        using var bridge = new MediaBridge(callerLeg, agentLeg);

        var callerVoice = Signal.Tone(350, 9000, 8000, 800);
        var agentVoice = Signal.Tone(620, 6000, 8000, 800);
        Speak(caller, callerVoice, G711.EncodeMuLaw);
        Speak(agent, agentVoice, G711.EncodeALaw);

        var atAgent = await agentHears.NextAsync(5);
        var atCaller = await callerHears.NextAsync(5);
        Assert.All(atAgent, p => Assert.Equal((8, agentLeg.Outbound.Ssrc), (p.Header.PayloadType, p.Header.Ssrc)));
        Assert.All(atCaller, p => Assert.Equal((0, callerLeg.Outbound.Ssrc), (p.Header.PayloadType, p.Header.Ssrc)));
        AssertHeard(callerVoice, atAgent, G711.ALawToLinear);
        AssertHeard(agentVoice, atCaller, G711.MuLawToLinear);
    }

    [Fact]
    public async Task Caller_key_presses_reach_the_agent()
    {
        await using var legs = new LoopbackLegs();
        var (caller, callerLeg) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu);
        var (agentLeg, agent) = legs.OpenPair(AgentFormat, AgentFormat);
        var digits = new List<char>();
        agent.DigitReceived += (_, e) =>
        {
            lock (digits)
            {
                digits.Add(e.Digit);
            }
        };
        using var bridge = new MediaBridge(callerLeg, agentLeg);

        for (var packet = 1; packet <= 7; packet++)
        {
            caller.SendEvent(new TelephoneEvent(3, packet >= 5, 10, (ushort)(Math.Min(packet, 5) * 160)), packet == 1, packet > 5 ? 0 : 160);
        }

        await Eventually.HoldsAsync(() => { lock (digits) { return digits.Count == 1; } }, "the agent hears the key");
        Assert.Equal('3', digits[0]);
    }

    [Fact]
    public async Task Disposed_bridge_no_longer_relays()
    {
        await using var legs = new LoopbackLegs();
        var (_, callerLeg) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu);
        var (agentLeg, _) = legs.OpenPair(AgentFormat, AgentFormat);
        var bridge = new MediaBridge(callerLeg, agentLeg);

        bridge.Dispose();

        Assert.Null(callerLeg.PacketSink);
        Assert.Null(agentLeg.PacketSink);
    }

    private static void Speak(RtpSession phone, short[] voice, Action<ReadOnlySpan<short>, Span<byte>> encode)
    {
        var frame = new byte[160];
        for (var offset = 0; offset < voice.Length; offset += 160)
        {
            encode(voice.AsSpan(offset, 160), frame);
            phone.SendAudio(frame, 160, marker: offset == 0);
        }
    }

    private static void AssertHeard(short[] spoken, List<RecordedPacket> packets, Func<byte, short> decode)
    {
        var heard = packets.SelectMany(p => p.Payload).Select(decode).ToArray();
        Assert.Equal(spoken.Length, heard.Length);
        for (var i = 0; i < spoken.Length; i++)
        {
            // Two companding steps (the phone's law, then the other law): within a tenth of the value.
            Assert.InRange(heard[i] - spoken[i], -(Math.Abs(spoken[i]) / 10) - 16, (Math.Abs(spoken[i]) / 10) + 16);
        }
    }
}
