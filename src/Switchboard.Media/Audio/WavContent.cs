namespace Switchboard.Media.Audio;

/// <summary>A parsed WAV file: its format and its sample bytes, still inside the caller's buffer.</summary>
public readonly ref struct WavContent
{
    public WavContent(WavFormat format, ReadOnlySpan<byte> samples)
    {
        Format = format;
        Samples = samples;
    }

    public WavFormat Format { get; }

    /// <summary>The body of the "data" chunk: interleaved frames of <see cref="WavFormat.BlockAlign"/> bytes.</summary>
    public ReadOnlySpan<byte> Samples { get; }
}
