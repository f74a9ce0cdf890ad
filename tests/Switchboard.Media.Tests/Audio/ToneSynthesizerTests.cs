using Switchboard.Media.Audio;
using Switchboard.Media.Tests.TestAudio;

namespace Switchboard.Media.Tests.Audio;

public class ToneSynthesizerTests
{
    // About -30 dBFS: clearly audible on a phone, far above dither or rounding noise.
    private const double AudibleRms = 1000;

    [Fact]
    public void Greeting_is_four_seconds_of_8_kHz_mono_audio()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateGreeting());

        Assert.Equal(32000, samples.Length);
        Assert.True(Signal.Rms(samples) > AudibleRms);
    }

    [Fact]
    public void Greeting_chime_strikes_three_notes_then_pauses()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateGreeting());

        Assert.Equal(3, CountStrikes(samples));
        Assert.All(samples[^3200..], sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void Hold_music_is_sixteen_seconds_of_8_kHz_mono_audio()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateHoldMusic());

        Assert.Equal(128000, samples.Length);
        Assert.True(Signal.Rms(samples) > AudibleRms);
    }

    [Fact]
    public void Hold_music_plays_a_tune_of_many_notes()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateHoldMusic());

        Assert.True(CountStrikes(samples) >= 20);
    }

    [Fact]
    public void Hold_music_loops_without_a_click()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateHoldMusic());

        // Played in a loop, the last sample is followed by the first: that step must be as small as
        // a step between two quiet neighbouring samples, not a jump.
        var loopStep = Math.Abs(samples[0] - samples[^1]);
        Assert.True(loopStep <= 16, $"the loop point jumps by {loopStep}");
        Assert.True(Signal.Rms(samples.AsSpan()[^80..]) < 16);
    }

    [Fact]
    public void Ringback_is_one_second_of_tone_then_four_of_silence_in_a_five_second_cadence()
    {
        var samples = Signal.ReadMono16(ToneSynthesizer.CreateRingback());

        Assert.Equal(40000, samples.Length);
        Assert.True(Signal.Rms(samples.AsSpan()[80..7920]) > AudibleRms);
        Assert.All(samples[8000..], sample => Assert.Equal(0, sample));
        // 425 Hz, and nothing near it: the tone's amplitude is at 425 Hz, not at the 400 or 450 Hz of other countries.
        var tone = samples.AsSpan()[..8000];
        Assert.True(Signal.AmplitudeAt(tone, 425, 8000) > 10 * Signal.AmplitudeAt(tone, 400, 8000));
        Assert.True(Signal.AmplitudeAt(tone, 425, 8000) > 10 * Signal.AmplitudeAt(tone, 450, 8000));
    }

    [Fact]
    public void Sounds_never_clip()
    {
        foreach (var sound in new[] { ToneSynthesizer.CreateGreeting(), ToneSynthesizer.CreateHoldMusic(), ToneSynthesizer.CreateRingback() })
        {
            Assert.All(Signal.ReadMono16(sound), sample => Assert.InRange(sample, -32000, 32000));
        }
    }

    [Fact]
    public void Every_call_produces_the_same_sounds()
    {
        Assert.Equal(ToneSynthesizer.CreateGreeting(), ToneSynthesizer.CreateGreeting());
        Assert.Equal(ToneSynthesizer.CreateHoldMusic(), ToneSynthesizer.CreateHoldMusic());
        Assert.Equal(ToneSynthesizer.CreateRingback(), ToneSynthesizer.CreateRingback());
    }

    /// <summary>Counts note onsets: 10 ms frames whose level jumps well above the frame before.</summary>
    private static int CountStrikes(short[] samples)
    {
        const int frame = 80;
        var strikes = 0;
        var previous = 0.0;
        var rising = false;
        for (var start = 0; start + frame <= samples.Length; start += frame)
        {
            var level = Signal.Rms(samples.AsSpan(start, frame));
            var jump = level > 200 && level > 1.4 * previous;
            if (jump && !rising)
            {
                strikes++;
            }

            rising = jump;
            previous = level;
        }

        return strikes;
    }
}
