namespace Switchboard.Media.Audio;

/// <summary>One note of a tune: when it starts and how long it sounds, in beats, and its MIDI pitch.</summary>
internal readonly record struct SynthNote(double StartBeat, double LengthBeats, int MidiPitch)
{
    /// <summary>Equal temperament with A4 (MIDI 69) at 440 Hz.</summary>
    public double Frequency => 440.0 * Math.Pow(2, (MidiPitch - 69) / 12.0);
}
