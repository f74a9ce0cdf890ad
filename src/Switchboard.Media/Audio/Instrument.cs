namespace Switchboard.Media.Audio;

/// <summary>
/// A simple additive voice: a few harmonics under one envelope that rises over the attack, decays
/// exponentially like a struck or plucked string, and fades to exactly zero over the release so that
/// a note never ends with a click.
/// </summary>
internal sealed class Instrument
{
    private readonly double _attackSeconds;
    private readonly double _decaySeconds;
    private readonly double _releaseSeconds;
    private readonly double[] _harmonicLevels;

    /// <param name="attackSeconds">Time to reach full level.</param>
    /// <param name="decaySeconds">Time constant of the exponential decay after the attack.</param>
    /// <param name="releaseSeconds">Fade to silence at the end of each note.</param>
    /// <param name="harmonicLevels">Level of the fundamental, then of the 2nd, 3rd… harmonic.</param>
    public Instrument(double attackSeconds, double decaySeconds, double releaseSeconds, params double[] harmonicLevels)
    {
        _attackSeconds = attackSeconds;
        _decaySeconds = decaySeconds;
        _releaseSeconds = releaseSeconds;
        _harmonicLevels = harmonicLevels;
    }

    /// <summary>Adds <paramref name="notes"/>, played at <paramref name="level"/>, into <paramref name="mix"/>.</summary>
    public void Play(ReadOnlySpan<SynthNote> notes, double beatSeconds, double level, int sampleRate, Span<float> mix)
    {
        foreach (var note in notes)
        {
            var start = (int)Math.Round(note.StartBeat * beatSeconds * sampleRate);
            var length = Math.Min((int)Math.Round(note.LengthBeats * beatSeconds * sampleRate), mix.Length - start);
            Play(note.Frequency, level, sampleRate, mix.Slice(start, length));
        }
    }

    private void Play(double frequency, double level, int sampleRate, Span<float> destination)
    {
        var releaseStart = destination.Length - (_releaseSeconds * sampleRate);
        for (var i = 0; i < destination.Length; i++)
        {
            var t = (double)i / sampleRate;
            var envelope = t < _attackSeconds
                ? t / _attackSeconds
                : Math.Exp(-(t - _attackSeconds) / _decaySeconds);
            if (i > releaseStart)
            {
                // Raised-cosine fade reaching zero on the last sample.
                var progress = (i - releaseStart) / (destination.Length - 1 - releaseStart);
                envelope *= 0.5 * (1 + Math.Cos(Math.PI * Math.Min(progress, 1)));
            }

            var sample = 0.0;
            for (var h = 0; h < _harmonicLevels.Length; h++)
            {
                var partial = frequency * (h + 1);

                // Harmonics near or above the Nyquist frequency would fold back as off-key tones.
                if (partial < 0.45 * sampleRate)
                {
                    sample += _harmonicLevels[h] * Math.Sin(2 * Math.PI * partial * t);
                }
            }

            destination[i] += (float)(level * envelope * sample);
        }
    }
}
