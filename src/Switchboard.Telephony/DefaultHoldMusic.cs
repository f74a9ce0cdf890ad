using Switchboard.Media.Audio;

namespace Switchboard.Telephony;

/// <summary>The built-in music on hold, for queues that chose none: synthesised and normalised once, on first use.</summary>
internal static class DefaultHoldMusic
{
    private static readonly Lazy<NormalizedSound> Music = new(Create);

    public static NormalizedSound Sound => Music.Value;

    private static NormalizedSound Create() =>
        WavNormalizer.TryNormalize(ToneSynthesizer.CreateHoldMusic(), out var sound, out var error)
            ? sound
            : throw new InvalidOperationException($"The built-in hold music cannot be played: {error}");
}
