namespace Switchboard.Media.Audio;

/// <summary>
/// Switchboard's own sounds, synthesized rather than shipped: the demo's greeting chime and loopable hold tune, and
/// the ringback tone, all 8 kHz mono 16-bit PCM WAV files. The output is the same on every call.
/// </summary>
public static class ToneSynthesizer
{
    public const int SampleRate = 8000;

    public static readonly TimeSpan GreetingDuration = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan HoldMusicDuration = TimeSpan.FromSeconds(16);

    /// <summary>One cadence of the ringback tone, which loops: the tone, then the pause.</summary>
    public static readonly TimeSpan RingbackDuration = TimeSpan.FromSeconds(5);

    // ITU-T E.180's recommended ring tone: 425 Hz, one second on, four off.
    private const double RingbackHertz = 425;
    private static readonly TimeSpan RingbackToneDuration = TimeSpan.FromSeconds(1);
    // Quieter than music, as a network's tones are; ramps of 10 ms keep the tone's edges from clicking.
    private const double RingbackLevel = 0.2 * short.MaxValue;
    private static readonly TimeSpan RingbackRamp = TimeSpan.FromMilliseconds(10);

    // Peak level of the finished sound: loud enough to hear over a phone line, with room for codecs.
    private const double PeakLevel = 0.5 * short.MaxValue;

    // Three rising bell notes (C5, E5, G5, a major chord) that ring out by 3.5 s; the rest of the
    // four seconds is the pause before whatever the scenario does next.
    private const double ChimeBeatSeconds = 0.45;
    private static readonly SynthNote[] Chime =
    [
        new(0, 5.8, 72),
        new(1, 5.6, 76),
        new(2, 5.75, 79),
    ];

    // Eight bars of 4/4 at 120 beats per minute over C, Am, F, G, C, Am, Dm, G: the final G leads
    // back to the opening C. Every note has died away before the loop point.
    private const double TuneBeatSeconds = 0.5;
    private static readonly SynthNote[] Melody =
    [
        new(0, 1, 76), new(1, 1, 79), new(2, 1, 76), new(3, 1, 72),
        new(4, 1, 69), new(5, 1, 72), new(6, 2, 76),
        new(8, 1, 77), new(9, 1, 76), new(10, 1, 74), new(11, 1, 72),
        new(12, 1, 74), new(13, 1, 71), new(14, 2, 67),
        new(16, 1, 76), new(17, 1, 79), new(18, 1, 84), new(19, 1, 79),
        new(20, 1, 81), new(21, 1, 79), new(22, 2, 76),
        new(24, 1, 77), new(25, 1, 76), new(26, 1, 74), new(27, 1, 77),
        new(28, 2, 74), new(30, 1.5, 71),
    ];

    private static readonly SynthNote[] Harmony =
    [
        new(0, 2, 60), new(2, 2, 64),
        new(4, 2, 57), new(6, 2, 60),
        new(8, 2, 53), new(10, 2, 57),
        new(12, 2, 55), new(14, 2, 59),
        new(16, 2, 60), new(18, 2, 64),
        new(20, 2, 57), new(22, 2, 60),
        new(24, 2, 62), new(26, 2, 65),
        new(28, 2, 55), new(30, 1.5, 59),
    ];

    private static readonly Instrument Bell = new(0.008, 0.7, 0.3, 1.0, 0.4, 0.15);
    private static readonly Instrument Piano = new(0.01, 0.5, 0.05, 1.0, 0.3, 0.1);
    private static readonly Instrument Pad = new(0.08, 1.5, 0.15, 1.0, 0.25, 0.08);

    /// <summary>About four seconds: a three-note chime, then a short pause.</summary>
    public static byte[] CreateGreeting()
    {
        var mix = new float[SampleCount(GreetingDuration)];
        Bell.Play(Chime, ChimeBeatSeconds, 1.0, SampleRate, mix);
        return ToWav(mix);
    }

    /// <summary>Sixteen seconds of a gentle tune with a soft second voice; it loops without a click.</summary>
    public static byte[] CreateHoldMusic()
    {
        var mix = new float[SampleCount(HoldMusicDuration)];
        Piano.Play(Melody, TuneBeatSeconds, 1.0, SampleRate, mix);
        Pad.Play(Harmony, TuneBeatSeconds, 0.4, SampleRate, mix);
        return ToWav(mix);
    }

    /// <summary>Five seconds: a second of 425 Hz, then four of silence; looped, it is the ringing a caller hears.</summary>
    public static byte[] CreateRingback()
    {
        var samples = new short[SampleCount(RingbackDuration)];
        var (tone, ramp) = (SampleCount(RingbackToneDuration), SampleCount(RingbackRamp));
        for (var i = 0; i < tone; i++)
        {
            var envelope = Math.Min(1.0, Math.Min(i, tone - 1 - i) / (double)ramp);
            samples[i] = PcmQuantizer.ToInt16((float)(RingbackLevel * envelope * Math.Sin(2 * Math.PI * RingbackHertz * i / SampleRate)));
        }

        return WavFile.WritePcm16Mono(samples, SampleRate);
    }

    private static int SampleCount(TimeSpan duration) => (int)(duration.Ticks * SampleRate / TimeSpan.TicksPerSecond);

    private static byte[] ToWav(ReadOnlySpan<float> mix)
    {
        var peak = 0f;
        foreach (var sample in mix)
        {
            peak = Math.Max(peak, Math.Abs(sample));
        }

        var gain = (float)(PeakLevel / peak);
        var samples = new short[mix.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = PcmQuantizer.ToInt16(mix[i] * gain);
        }

        return WavFile.WritePcm16Mono(samples, SampleRate);
    }
}
