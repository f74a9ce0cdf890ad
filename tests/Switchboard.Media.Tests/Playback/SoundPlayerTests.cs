using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestAudio;
using Switchboard.Media.Tests.TestMedia;

namespace Switchboard.Media.Tests.Playback;

public class SoundPlayerTests
{
    private static readonly short[] OneSecondTone = Signal.Tone(440, 8000, 8000, 8000);

    [Fact]
    public async Task One_second_sound_plays_as_50_consecutive_packets_of_160_samples()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (us, _) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        var player = new SoundPlayer(legs.Time);

        var playing = player.PlayAsync(us, Sound(OneSecondTone), PlaybackRepeat.Once, CancellationToken.None);
        var packets = await ReceivePaced(legs.Time, heard, 50);

        Assert.Equal(PlaybackOutcome.Completed, await playing);
        Assert.False(heard.TryTake(out _));
        Assert.All(packets.Zip(packets.Skip(1)), pair =>
        {
            Assert.Equal((ushort)(pair.First.Header.SequenceNumber + 1), pair.Second.Header.SequenceNumber);
            Assert.Equal(pair.First.Header.Timestamp + 160, pair.Second.Header.Timestamp);
        });
        Assert.Equal([true, .. Enumerable.Repeat(false, 49)], packets.Select(p => p.Header.Marker));
        Assert.All(packets, p => Assert.Equal(0, p.Header.PayloadType));
        AssertSounds(OneSecondTone, packets, G711.MuLawToLinear);
    }

    [Fact]
    public async Task On_an_A_law_leg_the_sound_is_encoded_in_A_law()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (us, _) = legs.OpenPair(RtpMediaFormat.Pcma, RtpMediaFormat.Pcma, secondSink: heard);
        var tone = Signal.Tone(1000, 12000, 8000, 800);

        var playing = new SoundPlayer(legs.Time).PlayAsync(us, Sound(tone), PlaybackRepeat.Once, CancellationToken.None);
        var packets = await ReceivePaced(legs.Time, heard, 5);

        Assert.Equal(PlaybackOutcome.Completed, await playing);
        Assert.All(packets, p => Assert.Equal(8, p.Header.PayloadType));
        AssertSounds(tone, packets, G711.ALawToLinear);
    }

    [Fact]
    public async Task Sound_played_three_times_continues_one_stream()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (us, _) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        var tone = Signal.Tone(440, 8000, 8000, 320);

        var playing = new SoundPlayer(legs.Time).PlayAsync(us, Sound(tone), PlaybackRepeat.Count(3), CancellationToken.None);
        var packets = await ReceivePaced(legs.Time, heard, 6);

        Assert.Equal(PlaybackOutcome.Completed, await playing);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => packets[0].Header.Timestamp + (uint)(160 * i)), packets.Select(p => p.Header.Timestamp));
        Assert.Equal(packets[0].Payload, packets[2].Payload);
    }

    [Fact]
    public async Task Music_on_hold_loops_until_stopped()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (us, _) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        using var stop = new CancellationTokenSource();
        var music = Signal.Tone(440, 8000, 8000, 800);

        var playing = new SoundPlayer(legs.Time).PlayAsync(us, Sound(music), PlaybackRepeat.Forever, stop.Token);
        var packets = await ReceivePaced(legs.Time, heard, 12);
        await stop.CancelAsync();

        Assert.Equal(PlaybackOutcome.Stopped, await playing);
        Assert.Equal(packets[1].Payload, packets[6].Payload);
        Assert.Equal(packets[1].Payload, packets[11].Payload);
    }

    [Fact]
    public void Sound_that_is_not_normalised_is_refused_when_encoded()
    {
        var wideband = new NormalizedSound(WavFile.WritePcm16Mono(new short[1600], 16000), TimeSpan.FromMilliseconds(100));

        Assert.Throws<ArgumentException>(() => EncodedSound.From(wideband));
    }

    [Fact]
    public void Sound_without_samples_is_refused_when_encoded_rather_than_looped_forever()
    {
        var empty = new NormalizedSound(WavFile.WritePcm16Mono([], 8000), TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => EncodedSound.From(empty));
    }

    [Fact]
    public void A_sound_is_encoded_once_in_whole_frames_of_both_laws_its_last_frame_filled_with_silence()
    {
        var sound = Sound([.. Enumerable.Repeat((short)8000, 200)]);

        Assert.Equal(2, sound.FrameCount);
        Assert.Equal(G711.LinearToMuLaw(8000), sound.Frame(1, AudioEncoding.Pcmu)[39]);
        Assert.Equal(G711.LinearToMuLaw(0), sound.Frame(1, AudioEncoding.Pcmu)[40]);
        Assert.Equal(G711.LinearToALaw(8000), sound.Frame(0, AudioEncoding.Pcma)[0]);
        Assert.Equal(G711.LinearToALaw(0), sound.Frame(1, AudioEncoding.Pcma)[159]);
    }

    internal static EncodedSound Sound(short[] samples) =>
        EncodedSound.From(new NormalizedSound(WavFile.WritePcm16Mono(samples, 8000), TimeSpan.FromSeconds(samples.Length / 8000.0)));

    /// <summary>Takes each packet as it comes and only then lets the next 20 ms pass.</summary>
    internal static async Task<List<RecordedPacket>> ReceivePaced(FakeTimeProvider time, PacketRecorder heard, int count)
    {
        var packets = new List<RecordedPacket>();
        for (var i = 0; i < count; i++)
        {
            packets.Add(await heard.NextAsync());
            time.Advance(SoundPlayer.FrameDuration);
        }

        return packets;
    }

    /// <summary>G.711 keeps about 12 bits of a 16-bit sample: each decoded sample is within its step size.</summary>
    private static void AssertSounds(short[] expected, List<RecordedPacket> packets, Func<byte, short> decode)
    {
        var heard = packets.SelectMany(p => p.Payload).Select(decode).ToArray();
        Assert.Equal(expected.Length, heard.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(heard[i] - expected[i], -(Math.Abs(expected[i]) / 16) - 16, (Math.Abs(expected[i]) / 16) + 16);
        }
    }
}
