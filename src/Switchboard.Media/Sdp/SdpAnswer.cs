namespace Switchboard.Media.Sdp;

/// <summary>An answer to send back, and what it agreed for the audio stream.</summary>
public sealed record SdpAnswer(SessionDescription Description, NegotiatedAudio Audio);
