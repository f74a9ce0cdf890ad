namespace Switchboard.Media.Rtp;

/// <summary>
/// Turns a peer's telephone-event packets into digits, each reported once: when the event ends. The
/// end packet is sent three times for reliability (RFC 4733 §2.5.1.4); all packets of one event share
/// its start timestamp, which is how the repeats are recognised.
/// </summary>
public sealed class DtmfDetector
{
    private uint? _lastEndedTimestamp;
    private uint _lastEndedSsrc;

    public bool TryDetect(in RtpHeader header, ReadOnlySpan<byte> payload, out char digit)
    {
        digit = '\0';
        if (!TelephoneEvent.TryParse(payload, out var telephoneEvent) || !telephoneEvent.End)
        {
            return false;
        }

        if (_lastEndedTimestamp == header.Timestamp && _lastEndedSsrc == header.Ssrc)
        {
            return false;
        }

        _lastEndedTimestamp = header.Timestamp;
        _lastEndedSsrc = header.Ssrc;
        return DtmfDigits.TryGetDigit(telephoneEvent.Event, out digit);
    }
}
