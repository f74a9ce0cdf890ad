using System.Buffers.Binary;

namespace Switchboard.Media.Audio;

/// <summary>Turns interleaved 8-bit unsigned or 16-bit signed PCM frames into one mono channel.</summary>
internal static class PcmDownmixer
{
    /// <summary>
    /// Writes one value per frame into <paramref name="mono"/> on the 16-bit scale; stereo frames are
    /// averaged so that a sound panned to one side keeps playing, only quieter.
    /// </summary>
    public static void ToMono(ReadOnlySpan<byte> frames, int channels, int bitsPerSample, Span<float> mono)
    {
        var frameSize = channels * bitsPerSample / 8;
        for (var i = 0; i < mono.Length; i++)
        {
            var frame = frames.Slice(i * frameSize, frameSize);
            var sum = 0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += bitsPerSample == 8
                    ? (frame[channel] - 128) << 8 // 8-bit WAV samples are unsigned with 128 as silence.
                    : BinaryPrimitives.ReadInt16LittleEndian(frame[(channel * 2)..]);
            }

            mono[i] = (float)sum / channels;
        }
    }
}
