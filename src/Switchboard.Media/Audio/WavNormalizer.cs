using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Audio;

/// <summary>
/// Turns an uploaded WAV file into what the switchboard plays to callers: 8 kHz mono 16-bit PCM.
/// Refuses, with a reason the uploader can act on, anything it cannot convert faithfully.
/// </summary>
public static class WavNormalizer
{
    public const int OutputSampleRate = 8000;

    public static readonly TimeSpan MaximumDuration = TimeSpan.FromMinutes(10);

    private const int WidebandSampleRate = 16000;

    /// <summary>Converts <paramref name="wav"/>; on refusal <paramref name="error"/> says why. Never throws on bad input.</summary>
    public static bool TryNormalize(ReadOnlySpan<byte> wav, [MaybeNullWhen(false)] out NormalizedSound sound, out string error)
    {
        sound = null;
        if (!WavFile.TryRead(wav, out var content, out var readError))
        {
            error = DescribeReadError(readError);
            return false;
        }

        var format = content.Format;
        var refusal = DescribeUnsupportedFormat(format);
        if (refusal is not null)
        {
            error = refusal;
            return false;
        }

        var frameCount = content.Samples.Length / format.BlockAlign;
        if (frameCount == 0)
        {
            error = "no audio (0 samples)";
            return false;
        }

        if (frameCount > (long)MaximumDuration.TotalSeconds * format.SampleRate)
        {
            var length = TimeSpan.FromSeconds((double)frameCount / format.SampleRate);
            error = $"longer than 10 minutes ({(int)length.TotalMinutes}:{length.Seconds:00}); upload a shorter sound";
            return false;
        }

        var samples = format.SampleRate == WidebandSampleRate
            ? DownmixAndDecimate(content.Samples, format, frameCount)
            : Downmix(content.Samples, format, frameCount);
        sound = new NormalizedSound(
            WavFile.WritePcm16Mono(samples, OutputSampleRate),
            TimeSpan.FromTicks(samples.Length * TimeSpan.TicksPerSecond / OutputSampleRate));
        error = string.Empty;
        return true;
    }

    private static short[] Downmix(ReadOnlySpan<byte> frames, WavFormat format, int frameCount)
    {
        var mono = ArrayPool<float>.Shared.Rent(frameCount);
        try
        {
            PcmDownmixer.ToMono(frames, format.Channels, format.BitsPerSample, mono.AsSpan(0, frameCount));
            var output = new short[frameCount];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = PcmQuantizer.ToInt16(mono[i]);
            }

            return output;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(mono);
        }
    }

    private static short[] DownmixAndDecimate(ReadOnlySpan<byte> frames, WavFormat format, int frameCount)
    {
        var paddedLength = frameCount + (2 * LowPassDecimator.Padding);
        var padded = ArrayPool<float>.Shared.Rent(paddedLength);
        try
        {
            var span = padded.AsSpan(0, paddedLength);
            span[..LowPassDecimator.Padding].Clear();
            span[(LowPassDecimator.Padding + frameCount)..].Clear();
            PcmDownmixer.ToMono(frames, format.Channels, format.BitsPerSample, span.Slice(LowPassDecimator.Padding, frameCount));
            var output = new short[LowPassDecimator.OutputLength(frameCount)];
            LowPassDecimator.Decimate(span, output);
            return output;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(padded);
        }
    }

    private static string DescribeReadError(WavReadError error) => error switch
    {
        WavReadError.Truncated => "file is truncated",
        WavReadError.MissingData => "file is truncated (it has no audio data chunk)",
        WavReadError.MissingFormat => "not a WAV file (it has no format chunk)",
        WavReadError.InvalidFormat => "not a valid WAV file (its format chunk is damaged)",
        _ => "not a WAV file",
    };

    private static string? DescribeUnsupportedFormat(WavFormat format)
    {
        if (format.FormatCode != WavFormatCode.Pcm)
        {
            var name = WavFormatCode.NameOf(format.FormatCode);
            var described = name is null ? $"format 0x{format.FormatCode:X2}" : $"format 0x{format.FormatCode:X2} {name}";
            return format.FormatCode == WavFormatCode.IeeeFloat
                ? $"floating-point WAV ({described}) is not supported; upload PCM"
                : $"compressed WAV ({described}) is not supported; upload PCM";
        }

        if (format.Channels > 2)
        {
            return $"more than 2 channels ({format.Channels}) are not supported; upload mono or stereo";
        }

        if (format.BitsPerSample is not (8 or 16))
        {
            return $"{format.BitsPerSample}-bit samples are not supported; upload 16-bit PCM";
        }

        if (format.SampleRate is not (OutputSampleRate or WidebandSampleRate))
        {
            return $"{format.SampleRate} Hz is not supported; use 8000 or 16000 Hz";
        }

        if (format.BlockAlign != format.Channels * format.BitsPerSample / 8)
        {
            return "not a valid WAV file (its frame size does not match its format)";
        }

        return null;
    }
}
