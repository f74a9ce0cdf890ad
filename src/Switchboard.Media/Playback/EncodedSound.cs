using Switchboard.Media.Audio;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Playback;

/// <summary>
/// A sound held encoded, ready to send: its 20 ms frames in both G.711 laws, made once from a normalised sound (the
/// last frame filled with silence), so that playing it copies bytes and encodes nothing.
/// </summary>
public sealed class EncodedSound
{
    private readonly byte[] _muLaw;
    private readonly byte[] _aLaw;

    private EncodedSound(byte[] muLaw, byte[] aLaw, TimeSpan duration)
    {
        _muLaw = muLaw;
        _aLaw = aLaw;
        Duration = duration;
    }

    public TimeSpan Duration { get; }

    /// <summary>How many 20 ms frames it sends.</summary>
    public int FrameCount => _muLaw.Length / SoundPlayer.SamplesPerFrame;

    /// <summary>Encodes <paramref name="sound"/>, which must be normalised (8 kHz mono 16-bit PCM) and hold samples.</summary>
    /// <exception cref="ArgumentException">The sound is not a readable, normalised WAV file, or is empty.</exception>
    public static EncodedSound From(NormalizedSound sound)
    {
        ArgumentNullException.ThrowIfNull(sound);
        if (!WavFile.TryRead(sound.Wav, out var content, out var error))
            throw new ArgumentException($"the sound is not a readable WAV file: {error}", nameof(sound));
        if (content.Format is not { FormatCode: WavFormatCode.Pcm, Channels: 1, SampleRate: WavNormalizer.OutputSampleRate, BitsPerSample: 16 })
            throw new ArgumentException("the sound is not normalised to 8 kHz mono 16-bit PCM; run it through WavNormalizer", nameof(sound));
        var pcm = content.Samples[..(content.Samples.Length & ~1)];
        if (pcm.Length < sizeof(short))
            throw new ArgumentException("the sound holds no samples", nameof(sound));

        const int FrameBytes = SoundPlayer.SamplesPerFrame * sizeof(short);
        var frames = (pcm.Length + FrameBytes - 1) / FrameBytes;
        var muLaw = new byte[frames * SoundPlayer.SamplesPerFrame];
        var aLaw = new byte[muLaw.Length];
        for (var frame = 0; frame < frames; frame++)
        {
            var samples = pcm[(frame * FrameBytes)..Math.Min((frame + 1) * FrameBytes, pcm.Length)];
            var at = frame * SoundPlayer.SamplesPerFrame;
            G711FrameEncoder.Encode(samples, AudioEncoding.Pcmu, muLaw.AsSpan(at, SoundPlayer.SamplesPerFrame));
            G711FrameEncoder.Encode(samples, AudioEncoding.Pcma, aLaw.AsSpan(at, SoundPlayer.SamplesPerFrame));
        }

        return new EncodedSound(muLaw, aLaw, sound.Duration);
    }

    /// <summary>Frame <paramref name="index"/> (0 to <see cref="FrameCount"/> - 1) in <paramref name="encoding"/>.</summary>
    public ReadOnlySpan<byte> Frame(int index, AudioEncoding encoding) =>
        (encoding == AudioEncoding.Pcmu ? _muLaw : _aLaw).AsSpan(index * SoundPlayer.SamplesPerFrame, SoundPlayer.SamplesPerFrame);
}
