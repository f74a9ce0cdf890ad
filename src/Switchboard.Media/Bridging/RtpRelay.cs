using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Bridging;

/// <summary>
/// Relays one direction of a bridge, one packet at a time and without sockets: audio is transcoded
/// when the legs took different G.711 laws, telephone events pass under the other leg's payload
/// type, and every packet is restamped as part of the other leg's own stream (its SSRC, sequence
/// and clock), so each phone sees one continuous stream. Anything else (comfort noise, codecs
/// that were not negotiated) is dropped. Allocates nothing.
/// </summary>
public sealed class RtpRelay(RtpMediaFormat from, RtpMediaFormat to, RtpStream outbound)
{
    // Beyond this a timestamp jump is a new stream or a broken one, not a pause, and is not copied.
    private const int MaximumGapSamples = RtpMediaFormat.ClockRate * 10;

    private bool _haveAudio;
    private uint _lastAudioSsrc;
    private uint _lastAudioTimestamp;
    private int _lastAudioSamples;
    private bool _haveEvent;
    private uint _lastEventTimestamp;

    /// <summary>Writes the packet to send on the other leg into <paramref name="destination"/>; returns its length, 0 to drop.</summary>
    public int Relay(in RtpPacket inbound, Span<byte> destination)
    {
        var header = inbound.Header;
        var payload = inbound.Payload;
        if (RtpHeader.FixedSize + payload.Length > destination.Length)
        {
            return 0;
        }

        var body = destination.Slice(RtpHeader.FixedSize, payload.Length);
        if (header.PayloadType == from.AudioPayloadType)
        {
            Transcode(payload, body);
            SkipSilence(header, payload.Length);
            var audioHeader = outbound.NextAudio(to.AudioPayloadType, body.Length, body.Length, header.Marker);
            return RtpPacketWriter.Write(destination, audioHeader, body);
        }

        if (header.PayloadType == from.TelephoneEventPayloadType && to.TelephoneEventPayloadType is { } eventPayloadType)
        {
            // All packets of one event share its timestamp; a new timestamp is a new event even if its
            // marker packet was lost.
            var startOfEvent = header.Marker || !_haveEvent || header.Timestamp != _lastEventTimestamp;
            _haveEvent = true;
            _lastEventTimestamp = header.Timestamp;
            payload.CopyTo(body);
            var eventHeader = outbound.NextEvent(eventPayloadType, body.Length, startOfEvent, samplesElapsed: 0);
            return RtpPacketWriter.Write(destination, eventHeader, body);
        }

        return 0;
    }

    private void Transcode(ReadOnlySpan<byte> payload, Span<byte> body)
    {
        if (from.Encoding == to.Encoding)
        {
            payload.CopyTo(body);
        }
        else if (from.Encoding == AudioEncoding.Pcmu)
        {
            G711.MuLawToALaw(payload, body);
        }
        else
        {
            G711.ALawToMuLaw(payload, body);
        }
    }

    /// <summary>Carries a pause in the incoming stream (silence suppression, a DTMF event) over to the outgoing one.</summary>
    private void SkipSilence(in RtpHeader header, int samples)
    {
        if (_haveAudio && header.Ssrc == _lastAudioSsrc)
        {
            var gap = (int)(header.Timestamp - _lastAudioTimestamp) - _lastAudioSamples;
            if (gap is > 0 and <= MaximumGapSamples)
            {
                outbound.Skip(gap);
            }
        }

        _haveAudio = true;
        _lastAudioSsrc = header.Ssrc;
        _lastAudioTimestamp = header.Timestamp;
        _lastAudioSamples = samples;
    }
}
