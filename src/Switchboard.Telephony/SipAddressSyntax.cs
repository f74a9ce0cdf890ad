using Switchboard.Domain.Routing;
using Switchboard.Sip;

namespace Switchboard.Telephony;

/// <summary>Domain's question about forward targets, answered by the SIP stack's one URI grammar (<see cref="SipUri.TryParseAddress"/>).</summary>
public sealed class SipAddressSyntax : ISipAddressSyntax
{
    public bool IsSipAddress(string text) => SipUri.TryParseAddress(text, out _);
}
