namespace Switchboard.Media.Rtp;

/// <summary>What <see cref="RtpSourceLatch"/> makes of one RTP packet's source.</summary>
internal enum RtpSourceDecision
{
    /// <summary>From the leg's peer: the packet is the call's.</summary>
    Accepted,

    /// <summary>From a source not yet proven to be the peer (still on probation): dropped.</summary>
    OnProbation,

    /// <summary>From anyone else once the peer is known: dropped.</summary>
    Stranger,
}
