namespace Switchboard.Media.Rtp;

/// <summary>The audio encodings the switchboard speaks on the phone network: G.711 in either law.</summary>
public enum AudioEncoding
{
    /// <summary>G.711 µ-law, static RTP payload type 0 (North America, Japan).</summary>
    Pcmu,

    /// <summary>G.711 A-law, static RTP payload type 8 (Europe and most of the world).</summary>
    Pcma,
}
