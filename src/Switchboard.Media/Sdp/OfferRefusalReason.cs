namespace Switchboard.Media.Sdp;

public enum OfferRefusalReason
{
    /// <summary>No RTP audio stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>An audio stream, but neither PCMU nor PCMA among its formats.</summary>
    NoCommonCodec,

    /// <summary>The stream's connection address is not an IP address.</summary>
    InvalidAddress,
}
