using Switchboard.Media.Audio;

namespace Switchboard.Media.Playback;

/// <summary>A normalised sound checked once for playing: where its samples are inside the WAV file.</summary>
internal sealed class PlayableSound
{
    private readonly byte[] _wav;
    private readonly int _samplesOffset;
    private readonly int _samplesLength;

    private PlayableSound(byte[] wav, int samplesOffset, int samplesLength)
    {
        _wav = wav;
        _samplesOffset = samplesOffset;
        _samplesLength = samplesLength;
    }

    /// <summary>The 16-bit little-endian samples, whole samples only.</summary>
    public ReadOnlySpan<byte> Samples => _wav.AsSpan(_samplesOffset, _samplesLength);

    public static PlayableSound From(NormalizedSound sound)
    {
        if (!WavFile.TryRead(sound.Wav, out var content, out var error))
        {
            throw new ArgumentException($"the sound is not a readable WAV file: {error}", nameof(sound));
        }

        var format = content.Format;
        if (format is not { FormatCode: WavFormatCode.Pcm, Channels: 1, SampleRate: WavNormalizer.OutputSampleRate, BitsPerSample: 16 })
        {
            throw new ArgumentException("the sound is not normalised to 8 kHz mono 16-bit PCM; run it through WavNormalizer", nameof(sound));
        }

        if (content.Samples.Length < sizeof(short))
        {
            throw new ArgumentException("the sound holds no samples", nameof(sound));
        }

        sound.Wav.AsSpan().Overlaps(content.Samples, out var offset);
        return new PlayableSound(sound.Wav, offset, content.Samples.Length & ~1);
    }
}
