namespace Switchboard.Media.Audio;

/// <summary>A sound ready for the phone network: an 8 kHz mono 16-bit PCM WAV file and how long it plays.</summary>
public sealed record NormalizedSound(byte[] Wav, TimeSpan Duration);
