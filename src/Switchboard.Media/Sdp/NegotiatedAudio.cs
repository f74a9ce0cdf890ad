using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Sdp;

/// <summary>The outcome of offer/answer for the audio stream of a call leg.</summary>
/// <param name="Format">Encoding and payload types to send and expect.</param>
/// <param name="RemoteRtp">Where the peer wants our RTP; null while it holds us with c=0.0.0.0.</param>
/// <param name="RemoteRtcp">Where the peer wants our RTCP; null together with <paramref name="RemoteRtp"/>.</param>
/// <param name="Direction">What we may do: send, receive, both or neither.</param>
public sealed record NegotiatedAudio(RtpMediaFormat Format, IPEndPoint? RemoteRtp, IPEndPoint? RemoteRtcp, MediaDirection Direction);
