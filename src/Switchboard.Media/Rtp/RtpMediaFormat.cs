namespace Switchboard.Media.Rtp;

/// <summary>
/// What was negotiated for one leg: the audio encoding and payload type it travels under, and the
/// payload type of RFC 4733 telephone events, if the peer accepted them.
/// </summary>
public sealed record RtpMediaFormat(AudioEncoding Encoding, byte AudioPayloadType, byte? TelephoneEventPayloadType = null)
{
    /// <summary>G.711 carries one sample per byte at 8000 samples a second.</summary>
    public const int ClockRate = 8000;

    public static RtpMediaFormat Pcmu { get; } = new(AudioEncoding.Pcmu, 0, 101);

    public static RtpMediaFormat Pcma { get; } = new(AudioEncoding.Pcma, 8, 101);
}
