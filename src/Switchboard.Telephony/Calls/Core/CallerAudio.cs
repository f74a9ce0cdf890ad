namespace Switchboard.Telephony.Calls.Core;

/// <summary>What the call plays to its caller, apart from a bridged conversation.</summary>
internal enum CallerAudio
{
    None,

    /// <summary>A scenario's sound, played a number of times; the scenario waits for its end.</summary>
    Playback,

    /// <summary>A sound looped until stopped: music on hold or ringback.</summary>
    Loop,
}
