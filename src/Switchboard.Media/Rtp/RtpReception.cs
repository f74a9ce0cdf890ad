namespace Switchboard.Media.Rtp;

/// <summary>
/// What arrived from the peer's stream: counts, and loss estimated from sequence numbers as in
/// RFC 3550 Appendix A.3 (expected from the extended highest sequence, less received).
/// Packets are recorded by the receive loop and reports made by the report timer; a report that
/// races a packet is off by that one packet, which an estimate tolerates.
/// </summary>
internal sealed class RtpReception
{
    private const int MaximumDropout = 3000;

    private long _packetsReceived;
    private long _octetsReceived;
    private uint? _ssrc;
    private uint _baseSequence;
    private uint _cycles;
    private ushort _highestSequence;
    private long _sourceReceived;
    private long _expectedAtLastReport;
    private long _receivedAtLastReport;

    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    public long OctetsReceived => Interlocked.Read(ref _octetsReceived);

    public uint? Ssrc => _ssrc;

    public uint ExtendedHighestSequence => _cycles + _highestSequence;

    public long PacketsLost => _ssrc is null ? 0 : Math.Max(0, Expected - _sourceReceived);

    private long Expected => (long)ExtendedHighestSequence - _baseSequence + 1;

    public void Record(in RtpHeader header, int payloadLength)
    {
        Interlocked.Increment(ref _packetsReceived);
        Interlocked.Add(ref _octetsReceived, payloadLength);
        if (_ssrc != header.Ssrc)
        {
            // A new source (the peer switched streams) starts its own sequence space.
            _ssrc = header.Ssrc;
            _baseSequence = header.SequenceNumber;
            _highestSequence = header.SequenceNumber;
            _cycles = 0;
            _sourceReceived = 1;
            _expectedAtLastReport = 0;
            _receivedAtLastReport = 0;
            return;
        }

        _sourceReceived++;
        var delta = (ushort)(header.SequenceNumber - _highestSequence);
        if (delta is > 0 and < MaximumDropout)
        {
            if (header.SequenceNumber < _highestSequence)
            {
                _cycles += 1u << 16;
            }

            _highestSequence = header.SequenceNumber;
        }
    }

    /// <summary>The report block about the peer's stream for our next RTCP report, if it sent anything.</summary>
    public RtcpReportBlock? CreateReportBlock(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        if (_ssrc is not { } ssrc)
        {
            return null;
        }

        var expected = Expected;
        var expectedInterval = expected - _expectedAtLastReport;
        var lostInterval = expectedInterval - (_sourceReceived - _receivedAtLastReport);
        _expectedAtLastReport = expected;
        _receivedAtLastReport = _sourceReceived;
        var fractionLost = expectedInterval <= 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);
        return new RtcpReportBlock(
            ssrc,
            fractionLost,
            (int)Math.Min(PacketsLost, RtcpReportBlock.MaximumCumulativeLost),
            ExtendedHighestSequence,
            Jitter: 0,
            lastSenderReport,
            delaySinceLastSenderReport);
    }
}
