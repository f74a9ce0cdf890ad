namespace Switchboard.Media.Audio;

/// <summary>Rounds a sample on the 16-bit scale to the nearest representable value.</summary>
internal static class PcmQuantizer
{
    public static short ToInt16(float sample) =>
        (short)Math.Clamp(MathF.Round(sample, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
}
