using System.Net;

namespace Switchboard.Media.WebRtc;

/// <summary>Sends one datagram from the media port to <paramref name="destination"/>; must neither block nor throw.</summary>
public delegate void WebRtcDatagramSender(ReadOnlySpan<byte> datagram, IPEndPoint destination);
