using Switchboard.Media.Bridging;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestAudio;

namespace Switchboard.Media.Tests.Bridging;

public class RtpRelayTests
{
    private const uint AgentLegSsrc = 0xA6E27;

    private readonly RtpStream _agentLeg = new(AgentLegSsrc, firstSequenceNumber: 10, firstTimestamp: 9000);
    private readonly byte[] _output = new byte[RtpHeader.MaximumPacketSize];

    [Fact]
    public void Caller_speaking_PCMU_is_heard_in_PCMA_by_an_agent_on_A_law()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcma, _agentLeg);
        var voice = Signal.Tone(300, 10000, 8000, 160);
        var spoken = new byte[160];
        G711.EncodeMuLaw(voice, spoken);

        var relayed = Relay(relay, new RtpHeader(0, 500, 1000, 0xCA11E2), spoken);

        Assert.Equal(8, relayed.Header.PayloadType);
        var heard = relayed.Payload.Select(G711.ALawToLinear).ToArray();
        for (var i = 0; i < voice.Length; i++)
        {
            Assert.InRange(heard[i] - voice[i], -(Math.Abs(voice[i]) / 10) - 16, (Math.Abs(voice[i]) / 10) + 16);
        }
    }

    [Fact]
    public void Legs_on_the_same_law_get_the_payload_unchanged()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcma, RtpMediaFormat.Pcma, _agentLeg);
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();

        Assert.Equal(payload, Relay(relay, new RtpHeader(8, 1, 1, 2), payload).Payload);
    }

    [Fact]
    public void Relayed_packets_belong_to_the_other_legs_own_stream()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, _agentLeg);

        var relayed = Enumerable.Range(0, 3)
            .Select(i => Relay(relay, new RtpHeader(0, (ushort)(65535 + i), (uint)(7777 + (160 * i)), 0xCA11E2, Marker: i == 0), new byte[160]).Header)
            .ToList();

        Assert.Equal(
            [new RtpHeader(0, 10, 9000, AgentLegSsrc, true), new RtpHeader(0, 11, 9160, AgentLegSsrc), new RtpHeader(0, 12, 9320, AgentLegSsrc)],
            relayed);
    }

    [Fact]
    public void Pause_in_the_callers_stream_shows_in_the_relayed_timestamps()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, _agentLeg);

        var before = Relay(relay, new RtpHeader(0, 1, 1000, 5), new byte[160]).Header;
        // Silence suppression: 4 frames not sent, then speech again.
        var after = Relay(relay, new RtpHeader(0, 2, 1000 + (5 * 160), 5, Marker: true), new byte[160]).Header;

        Assert.Equal((ushort)(before.SequenceNumber + 1), after.SequenceNumber);
        Assert.Equal(before.Timestamp + (5 * 160), after.Timestamp);
    }

    [Fact]
    public void Key_press_passes_under_the_other_legs_telephone_event_payload_type()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, new RtpMediaFormat(AudioEncoding.Pcma, 8, 96), _agentLeg);
        Relay(relay, new RtpHeader(0, 1, 16000, 5), new byte[160]);

        var relayed = Enumerable.Range(1, 7).Select(i =>
        {
            var payload = new byte[4];
            new TelephoneEvent(9, End: i >= 5, 10, (ushort)(Math.Min(i, 5) * 160)).Write(payload);
            return Relay(relay, new RtpHeader(101, (ushort)(1 + i), 16160, 5, Marker: i == 1), payload);
        }).ToList();

        Assert.All(relayed, p => Assert.Equal((96, 9160u), (p.Header.PayloadType, p.Header.Timestamp)));
        Assert.Equal([true, false, false, false, false, false, false], relayed.Select(p => p.Header.Marker));
        Assert.True(TelephoneEvent.TryParse(relayed[^1].Payload, out var last));
        Assert.Equal(new TelephoneEvent(9, true, 10, 800), last);
    }

    [Fact]
    public void Key_press_is_dropped_when_the_other_leg_took_no_telephone_events()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, new RtpMediaFormat(AudioEncoding.Pcmu, 0), _agentLeg);

        Assert.Equal(0, RelayLength(relay, new RtpHeader(101, 1, 1, 5), new byte[4]));
    }

    [Fact]
    public void Comfort_noise_and_unnegotiated_payloads_are_dropped()
    {
        var relay = new RtpRelay(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcma, _agentLeg);

        Assert.Equal(0, RelayLength(relay, new RtpHeader(13, 1, 1, 5), [40]));
        Assert.Equal(0, RelayLength(relay, new RtpHeader(8, 2, 161, 5), new byte[160]));
        Assert.Equal(0, _agentLeg.PacketsSent);
    }

    private (RtpHeader Header, byte[] Payload) Relay(RtpRelay relay, RtpHeader header, byte[] payload)
    {
        var length = RelayLength(relay, header, payload);
        Assert.True(RtpPacket.TryParse(_output.AsSpan(0, length), out var packet));
        return (packet.Header, packet.Payload.ToArray());
    }

    private int RelayLength(RtpRelay relay, RtpHeader header, byte[] payload)
    {
        var datagram = new byte[RtpHeader.FixedSize + payload.Length];
        RtpPacketWriter.Write(datagram, header, payload);
        Assert.True(RtpPacket.TryParse(datagram, out var inbound));
        return relay.Relay(inbound, _output);
    }
}
