namespace Switchboard.Sip.Transport;

/// <summary>A parsed message and the address it arrived from (on a request, also stamped into its top Via).</summary>
public sealed record SipReceivedMessage(SipMessage Message, SipTransportAddress Source);
