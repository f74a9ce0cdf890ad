using Switchboard.Media.Rtp;

namespace Switchboard.Media.Playback;

/// <summary>
/// Sends DTMF digits as RFC 4733 telephone events: one packet every 20 ms while the key is down,
/// each with the duration so far, then the end packet three times (§2.5.1.4).
/// </summary>
public sealed class DtmfPlayer(TimeProvider time)
{
    public static readonly TimeSpan ToneDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence between digits, so the far end hears two presses of the same key as two.</summary>
    public static readonly TimeSpan PauseBetweenDigits = TimeSpan.FromMilliseconds(60);

    private const int EndRepetitions = 3;
    private const byte Volume = 10;

    /// <summary>Sends <paramref name="digits"/> (0-9, *, #, A-D); false if the leg did not accept telephone events.</summary>
    public async Task<bool> PlayAsync(RtpSession session, string digits, CancellationToken cancellationToken)
    {
        var events = new byte[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            if (!DtmfDigits.TryGetEvent(digits[i], out events[i]))
            {
                throw new ArgumentException($"'{digits[i]}' is not a DTMF digit", nameof(digits));
            }
        }

        if (session.Format?.TelephoneEventPayloadType is null)
        {
            return false;
        }

        var packetsPerTone = (int)(ToneDuration / SoundPlayer.FrameDuration);
        var ticksBetweenDigits = (int)Math.Ceiling(PauseBetweenDigits / SoundPlayer.FrameDuration);
        using var timer = new PeriodicTimer(SoundPlayer.FrameDuration, time);
        for (var digit = 0; digit < events.Length; digit++)
        {
            if (digit > 0)
            {
                for (var tick = 0; tick < ticksBetweenDigits; tick++)
                {
                    await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            for (var packet = 1; packet <= packetsPerTone + EndRepetitions - 1; packet++)
            {
                if (packet > 1)
                {
                    await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
                }

                var sent = Math.Min(packet, packetsPerTone);
                var end = packet >= packetsPerTone;
                var duration = (ushort)(sent * SoundPlayer.SamplesPerFrame);
                var retransmission = packet > packetsPerTone;
                session.SendEvent(new TelephoneEvent(events[digit], end, Volume, duration), startOfEvent: packet == 1, retransmission ? 0 : SoundPlayer.SamplesPerFrame);
            }
        }

        return true;
    }
}
