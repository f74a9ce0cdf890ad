using System.Security.Cryptography;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Our outgoing stream on one leg: its SSRC, next sequence number and media clock. Whoever feeds the
/// leg — a prompt, a DTMF tone or the other leg through a bridge — stamps packets here, so the peer
/// sees one continuous stream however often the source changes.
/// </summary>
public sealed class RtpStream
{
    private readonly Lock _lock = new();
    private ushort _nextSequence;
    private uint _clock;
    private uint _eventTimestamp;
    private uint _lastTimestamp;
    private long _packetsSent;
    private long _octetsSent;

    public RtpStream(uint ssrc, ushort firstSequenceNumber, uint firstTimestamp)
    {
        Ssrc = ssrc;
        _nextSequence = firstSequenceNumber;
        _clock = firstTimestamp;
        _lastTimestamp = firstTimestamp;
    }

    public uint Ssrc { get; }

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Payload octets sent, as RTCP sender reports count them.</summary>
    public long OctetsSent => Interlocked.Read(ref _octetsSent);

    /// <summary>The timestamp of the last packet stamped.</summary>
    public uint LastTimestamp
    {
        get
        {
            lock (_lock)
            {
                return _lastTimestamp;
            }
        }
    }

    /// <summary>A stream with random SSRC, sequence and timestamp, as RFC 3550 §5.1 asks, against known-plaintext attacks on SRTP.</summary>
    public static RtpStream CreateRandom()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return new RtpStream(
            BitConverter.ToUInt32(random),
            BitConverter.ToUInt16(random[4..]),
            BitConverter.ToUInt32(random[6..]));
    }

    /// <summary>
    /// The header for the next audio packet, carrying <paramref name="samples"/> samples: stamped at the
    /// current clock, which then advances by that many.
    /// </summary>
    public RtpHeader NextAudio(byte payloadType, int payloadLength, int samples, bool marker)
    {
        lock (_lock)
        {
            var header = new RtpHeader(payloadType, _nextSequence++, _clock, Ssrc, marker);
            _lastTimestamp = _clock;
            _clock += (uint)samples;
            Count(payloadLength);
            return header;
        }
    }

    /// <summary>
    /// The header for the next telephone-event packet (RFC 4733 §2.5.1.2): every packet of one event
    /// carries the timestamp of its start, and the first one has the marker bit. The clock advances by
    /// <paramref name="samplesElapsed"/>, the time this packet stands for (0 for a retransmission).
    /// </summary>
    public RtpHeader NextEvent(byte payloadType, int payloadLength, bool startOfEvent, int samplesElapsed)
    {
        lock (_lock)
        {
            if (startOfEvent)
            {
                _eventTimestamp = _clock;
            }

            var header = new RtpHeader(payloadType, _nextSequence++, _eventTimestamp, Ssrc, startOfEvent);
            _lastTimestamp = _eventTimestamp;
            _clock += (uint)samplesElapsed;
            Count(payloadLength);
            return header;
        }
    }

    /// <summary>
    /// Moves the clock on by <paramref name="samples"/> for time that passed with nothing sent
    /// (silence suppression on the other leg of a bridge), so the next packet's timestamp shows the gap.
    /// </summary>
    public void Skip(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        lock (_lock)
        {
            _clock += (uint)samples;
        }
    }

    private void Count(int payloadLength)
    {
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _octetsSent, payloadLength);
    }
}
