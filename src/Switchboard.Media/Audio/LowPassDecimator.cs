using System.Numerics;

namespace Switchboard.Media.Audio;

/// <summary>
/// Halves the sample rate from 16 kHz to 8 kHz. A windowed-sinc low-pass filter first removes
/// everything above the new Nyquist frequency, which would otherwise fold back as audible aliases
/// (a 6 kHz whistle would come out at 2 kHz).
/// </summary>
internal static class LowPassDecimator
{
    /// <summary>Odd, so the symmetric filter delays by a whole number of samples that can be undone.</summary>
    public const int TapCount = 127;

    /// <summary>Zero samples needed on each side of the input so every output sees a full window.</summary>
    public const int Padding = (TapCount - 1) / 2;

    // At 16 kHz with a Blackman window of 127 taps the transition band is about 700 Hz wide around
    // the cutoff: flat to 3.3 kHz (the telephone band), beyond -75 dB from 4 kHz.
    private const double InputSampleRate = 16000;
    private const double CutoffHz = 3600;

    private static readonly float[] Taps = DesignTaps();

    public static int OutputLength(int inputLength) => (inputLength + 1) / 2;

    /// <summary>
    /// Filters and keeps every second sample. <paramref name="paddedInput"/> holds the input with
    /// <see cref="Padding"/> zeros before and after it; the output is time-aligned with the input.
    /// </summary>
    public static void Decimate(ReadOnlySpan<float> paddedInput, Span<short> output)
    {
        for (var m = 0; m < output.Length; m++)
        {
            output[m] = PcmQuantizer.ToInt16(Dot(Taps, paddedInput.Slice(2 * m, TapCount)));
        }
    }

    // Vectorized: a ten-minute upload is 4.8 million outputs of 127 taps each.
    private static float Dot(ReadOnlySpan<float> taps, ReadOnlySpan<float> window)
    {
        var sums = Vector<float>.Zero;
        var k = 0;
        for (; k <= taps.Length - Vector<float>.Count; k += Vector<float>.Count)
        {
            sums += new Vector<float>(taps[k..]) * new Vector<float>(window[k..]);
        }

        var sum = Vector.Sum(sums);
        for (; k < taps.Length; k++)
        {
            sum += taps[k] * window[k];
        }

        return sum;
    }

    private static float[] DesignTaps()
    {
        var taps = new double[TapCount];
        var cutoff = CutoffHz / InputSampleRate;
        var sum = 0.0;
        for (var n = 0; n < TapCount; n++)
        {
            var x = n - Padding;
            var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var phase = 2 * Math.PI * n / (TapCount - 1);
            var blackman = 0.42 - (0.5 * Math.Cos(phase)) + (0.08 * Math.Cos(2 * phase));
            taps[n] = sinc * blackman;
            sum += taps[n];
        }

        // Unity gain at DC, so speech keeps its loudness.
        var result = new float[TapCount];
        for (var n = 0; n < TapCount; n++)
        {
            result[n] = (float)(taps[n] / sum);
        }

        return result;
    }
}
