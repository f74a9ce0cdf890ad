using Switchboard.Media.Audio;

namespace Switchboard.Telephony;

/// <summary>The sounds telephony plays of its own: synthesised and normalised once, on first use.</summary>
internal static class BuiltInSounds
{
    private static readonly Lazy<NormalizedSound> Music = new(() => Normalize(ToneSynthesizer.CreateHoldMusic(), "hold music"));
    private static readonly Lazy<NormalizedSound> Ringing = new(() => Normalize(ToneSynthesizer.CreateRingback(), "ringback tone"));

    /// <summary>The music on hold of queues that chose none, and of a caller held or transferred.</summary>
    public static NormalizedSound HoldMusic => Music.Value;

    /// <summary>What an answered caller hears while the user or number the scenario puts them through to rings.</summary>
    public static NormalizedSound Ringback => Ringing.Value;

    private static NormalizedSound Normalize(byte[] wav, string name) =>
        WavNormalizer.TryNormalize(wav, out var sound, out var error)
            ? sound
            : throw new InvalidOperationException($"The built-in {name} cannot be played: {error}");
}
