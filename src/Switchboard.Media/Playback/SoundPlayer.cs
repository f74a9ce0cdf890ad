using Switchboard.Media.Audio;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Playback;

/// <summary>
/// Plays sounds held encoded into RTP sessions: one 20 ms frame (160 samples) per tick of a <see cref="TimeProvider"/>
/// timer, in the leg's negotiated G.711 law, copied as it was encoded once.
/// </summary>
public sealed class SoundPlayer(TimeProvider time)
{
    public const int SamplesPerFrame = 160;

    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Plays <paramref name="sound"/> into <paramref name="session"/> as often as <paramref name="repeat"/>
    /// says. Cancelling <paramref name="cancellationToken"/> stops it; that is an outcome, not an error.
    /// </summary>
    public async Task<PlaybackOutcome> PlayAsync(RtpSession session, EncodedSound sound, PlaybackRepeat repeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sound);
        var encoding = (session.Format ?? throw new InvalidOperationException("the session is not connected: call Connect first")).Encoding;
        using var timer = new PeriodicTimer(FrameDuration, time);

        // Stopping disposes the timer, whose wait then answers false: a stop on purpose (the caller moved on or hung
        // up) is an outcome, and throws nothing.
        using var stop = cancellationToken.UnsafeRegister(static state => ((PeriodicTimer)state!).Dispose(), timer);
        var first = true;
        for (var played = 0; repeat.Times is not { } times || played < times; played++)
        {
            for (var frame = 0; frame < sound.FrameCount; frame++)
            {
                if (!first && !await timer.WaitForNextTickAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    return PlaybackOutcome.Stopped;
                }

                // The marker bit starts a talkspurt, so the peer's jitter buffer resynchronises.
                session.SendAudio(sound.Frame(frame, encoding), SamplesPerFrame, marker: first);
                first = false;
            }
        }

        return PlaybackOutcome.Completed;
    }
}
