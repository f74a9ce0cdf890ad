using Switchboard.Media.Audio;
using Switchboard.Media.Playback;

namespace Switchboard.Telephony;

/// <summary>The sounds telephony plays of its own: synthesised, normalised and encoded once, on first use.</summary>
internal static class BuiltInSounds
{
    private static readonly Lazy<EncodedSound> Music = new(() => Encode(ToneSynthesizer.CreateHoldMusic(), "hold music"));
    private static readonly Lazy<EncodedSound> Ringing = new(() => Encode(ToneSynthesizer.CreateRingback(), "ringback tone"));

    /// <summary>The music on hold of queues that chose none, and of a caller held or transferred.</summary>
    public static EncodedSound HoldMusic => Music.Value;

    /// <summary>What an answered caller hears while the user or number the scenario puts them through to rings.</summary>
    public static EncodedSound Ringback => Ringing.Value;

    private static EncodedSound Encode(byte[] wav, string name) =>
        WavNormalizer.TryNormalize(wav, out var sound, out var error)
            ? EncodedSound.From(sound)
            : throw new InvalidOperationException($"The built-in {name} cannot be played: {error}");
}
