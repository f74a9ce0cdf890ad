using System.Net;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Decides whose RTP a plain leg takes, so that a third party spraying the port range can neither take
/// the call's audio nor put its own in. The peer is the address its SDP signalled: its first packet from
/// there fixes it for good. Where packets come from elsewhere (a phone behind NAT), a source is learnt
/// only after a probation of <see cref="Probation"/> consecutive packets of one stream (same SSRC, each
/// sequence number one above the last), as strict RTP does in Asterisk; a packet from the signalled
/// address still takes over from a learnt source. Once the peer is known every other source is ignored.
/// RTCP follows the RTP peer: to and from the signalled RTCP address, or the learnt source's port + 1.
/// </summary>
/// <remarks>
/// <see cref="Handle"/> belongs to the receive loop alone; the destinations may be read from any thread.
/// A peer that sends from a new source mid-call (a NAT rebinding) is not followed until the next
/// <see cref="RtpSession.Connect"/>, which a re-INVITE brings.
/// </remarks>
internal sealed class RtpSourceLatch
{
    /// <summary>Consecutive in-sequence packets that prove a source that is not the signalled one.</summary>
    public const int Probation = 4;

    /// <summary>Sources on probation at once: one that sprays cannot push a real peer's run out.</summary>
    private const int CandidateSlots = 4;

    private readonly MediaTarget? _signalled;
    private readonly Candidate?[] _candidates = new Candidate?[CandidateSlots];
    private MediaTarget? _peer;
    private long _arrivals;

    /// <param name="signalled">The peer's SDP target; null before its SDP, or while it holds with no address.</param>
    /// <param name="peer">A peer already known (kept across a re-INVITE), or null.</param>
    private RtpSourceLatch(MediaTarget? signalled, MediaTarget? peer)
    {
        _signalled = signalled;
        _peer = peer;
    }

    /// <summary>Where RTP goes: nowhere while no address is signalled, else the learnt source or the signalled address.</summary>
    public SocketAddress? RtpDestination => _signalled is null ? null : (Volatile.Read(ref _peer) ?? _signalled).Rtp;

    /// <summary>Where RTCP goes, when anywhere.</summary>
    public SocketAddress? RtcpDestination => _signalled is null ? null : (Volatile.Read(ref _peer) ?? _signalled).Rtcp;

    /// <summary>A leg with no SDP yet: nothing is sent, a source is learnt only by probation.</summary>
    public static RtpSourceLatch Unconnected() => new(null, null);

    /// <summary>
    /// The latch after the peer's SDP (again) signalled <paramref name="rtp"/> and <paramref name="rtcp"/>.
    /// The peer already known stays so when the RTP address did not change, or when it is gone (null: the
    /// peer holds with c=0.0.0.0, and nothing is sent); a new address starts over.
    /// </summary>
    public RtpSourceLatch Reconnect(IPEndPoint? rtp, IPEndPoint? rtcp)
    {
        var known = Volatile.Read(ref _peer);
        if (rtp is null)
        {
            return new RtpSourceLatch(null, known);
        }

        var signalled = MediaTarget.Signalled(rtp, rtcp);
        if (_signalled is not null && _signalled.Rtp.Equals(signalled.Rtp))
        {
            return new RtpSourceLatch(signalled, known is { Learnt: false } ? signalled : known);
        }

        return new RtpSourceLatch(signalled, null);
    }

    /// <summary>What to make of an RTP packet of stream <paramref name="ssrc"/>, number <paramref name="sequence"/>, from <paramref name="source"/>.</summary>
    public RtpSourceDecision Handle(SocketAddress source, uint ssrc, ushort sequence)
    {
        ArgumentNullException.ThrowIfNull(source);
        var peer = Volatile.Read(ref _peer);
        if (peer is { Learnt: false })
        {
            return source.Equals(peer.Rtp) ? RtpSourceDecision.Accepted : RtpSourceDecision.Stranger;
        }

        if (_signalled is not null && source.Equals(_signalled.Rtp))
        {
            Volatile.Write(ref _peer, _signalled);
            return RtpSourceDecision.Accepted;
        }

        if (peer is not null)
        {
            return source.Equals(peer.Rtp) ? RtpSourceDecision.Accepted : RtpSourceDecision.Stranger;
        }

        if (Probate(source, ssrc, sequence) < Probation)
        {
            return RtpSourceDecision.OnProbation;
        }

        Volatile.Write(ref _peer, MediaTarget.LearntFrom(source));
        Array.Clear(_candidates);
        return RtpSourceDecision.Accepted;
    }

    /// <summary>Whether RTCP from <paramref name="source"/> is the peer's.</summary>
    public bool IsPeerRtcp(SocketAddress source) => (Volatile.Read(ref _peer) ?? _signalled)?.Rtcp is { } rtcp && rtcp.Equals(source);

    /// <summary>Counts <paramref name="source"/>'s run of consecutive packets; returns its length.</summary>
    private int Probate(SocketAddress source, uint ssrc, ushort sequence)
    {
        var arrival = ++_arrivals;
        Candidate? slot = null;
        foreach (var candidate in _candidates)
        {
            if (candidate is not null && candidate.Source.Equals(source))
            {
                slot = candidate;
                break;
            }
        }

        if (slot is null)
        {
            slot = Replaceable(source);
            slot.Restart(source, ssrc, sequence, arrival);
            return slot.Run;
        }

        if (slot.Ssrc == ssrc && sequence == (ushort)(slot.Sequence + 1))
        {
            slot.Continue(sequence, arrival);
        }
        else
        {
            slot.Restart(source, ssrc, sequence, arrival);
        }

        return slot.Run;
    }

    /// <summary>An empty slot, else the one with the shortest run, the least recently heard of those: a spray's one-packet runs replace each other.</summary>
    private Candidate Replaceable(SocketAddress source)
    {
        var chosen = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            if (_candidates[i] is null)
            {
                return _candidates[i] = new Candidate(source);
            }

            var current = _candidates[chosen]!;
            var candidate = _candidates[i]!;
            if (candidate.Run < current.Run || (candidate.Run == current.Run && candidate.LastArrival < current.LastArrival))
            {
                chosen = i;
            }
        }

        return _candidates[chosen]!;
    }

    /// <summary>A source on probation; its address buffer is reused when the slot goes to another source.</summary>
    private sealed class Candidate(SocketAddress source)
    {
        public SocketAddress Source { get; } = new(source.Family, SocketAddress.GetMaximumAddressSize(source.Family));

        public uint Ssrc { get; private set; }

        public ushort Sequence { get; private set; }

        public int Run { get; private set; }

        public long LastArrival { get; private set; }

        public void Restart(SocketAddress from, uint ssrc, ushort sequence, long arrival)
        {
            from.Buffer.Span[..from.Size].CopyTo(Source.Buffer.Span);
            Source.Size = from.Size;
            Ssrc = ssrc;
            Sequence = sequence;
            Run = 1;
            LastArrival = arrival;
        }

        public void Continue(ushort sequence, long arrival)
        {
            Sequence = sequence;
            Run++;
            LastArrival = arrival;
        }
    }
}
