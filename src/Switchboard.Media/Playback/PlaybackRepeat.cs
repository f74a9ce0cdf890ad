namespace Switchboard.Media.Playback;

/// <summary>How many times a sound plays: once, N times, or looped until stopped (music on hold).</summary>
public readonly record struct PlaybackRepeat
{
    private PlaybackRepeat(int? times) => Times = times;

    public static PlaybackRepeat Once { get; } = new(1);

    public static PlaybackRepeat Forever { get; } = new(null);

    /// <summary>The number of times to play; null to loop until stopped.</summary>
    public int? Times { get; }

    public static PlaybackRepeat Count(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        return new PlaybackRepeat(times);
    }
}
