using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// One registered contact of a user: where the device says it is (<see cref="ContactUri"/>) and where its REGISTER
/// really came from (<see cref="Source"/>), which is where requests reach a device behind NAT.
/// </summary>
public sealed record SipBinding(string User, string ContactUri, SipTransportAddress Source, DateTimeOffset Expires, string CallId, uint CSeq, double? Q);
