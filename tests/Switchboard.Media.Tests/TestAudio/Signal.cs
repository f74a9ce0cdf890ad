using System.Buffers.Binary;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.TestAudio;

/// <summary>Makes test tones and measures what a listener would hear in a sound.</summary>
internal static class Signal
{
    public static short[] Tone(double frequency, double amplitude, int sampleRate, int count)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static short[] Interleave(short[] left, short[] right)
    {
        var frames = new short[left.Length * 2];
        for (var i = 0; i < left.Length; i++)
        {
            frames[2 * i] = left[i];
            frames[(2 * i) + 1] = right[i];
        }

        return frames;
    }

    /// <summary>The samples of a 16-bit mono WAV, failing the test if it is anything else.</summary>
    public static short[] ReadMono16(byte[] wav)
    {
        Assert.True(WavFile.TryRead(wav, out var content, out var error), $"not readable: {error}");
        Assert.Equal(new WavFormat(WavFormatCode.Pcm, 1, content.Format.SampleRate, 16, 2), content.Format);
        var samples = new short[content.Samples.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(content.Samples[(i * 2)..]);
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        var sum = 0.0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component, by the Goertzel algorithm.</summary>
    public static double AmplitudeAt(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    public static int ZeroCrossings(ReadOnlySpan<short> samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings;
    }

    public static double Decibels(double level, double reference) => 20 * Math.Log10(level / reference);
}
