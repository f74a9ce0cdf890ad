namespace Switchboard.Media.Playback;

public enum PlaybackOutcome
{
    /// <summary>The sound played to its end as many times as asked.</summary>
    Completed,

    /// <summary>The playback was stopped before the end (music on hold always ends this way).</summary>
    Stopped,
}
