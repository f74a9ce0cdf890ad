namespace Switchboard.Media.Audio;

/// <summary>The registered wFormatTag values a user is likely to upload.</summary>
public static class WavFormatCode
{
    public const int Pcm = 0x0001;
    public const int MicrosoftAdpcm = 0x0002;
    public const int IeeeFloat = 0x0003;
    public const int ALaw = 0x0006;
    public const int MuLaw = 0x0007;
    public const int ImaAdpcm = 0x0011;
    public const int Gsm610 = 0x0031;
    public const int Mpeg = 0x0050;
    public const int Mp3 = 0x0055;
    public const int Extensible = 0xFFFE;

    /// <summary>A short name for messages, or null for a code nobody registered with us.</summary>
    public static string? NameOf(int formatCode) => formatCode switch
    {
        Pcm => "PCM",
        MicrosoftAdpcm => "Microsoft ADPCM",
        IeeeFloat => "IEEE float",
        ALaw => "A-law",
        MuLaw => "µ-law",
        ImaAdpcm => "IMA ADPCM",
        Gsm610 => "GSM 6.10",
        Mpeg => "MPEG",
        Mp3 => "MP3",
        Extensible => "extensible, unknown subformat",
        _ => null,
    };
}
