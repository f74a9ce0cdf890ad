namespace Switchboard.Domain.Routing;

/// <summary>
/// Whether a text is a SIP address a call can be forwarded to (sip:user@host[:port]). The grammar is the SIP stack's,
/// which Domain does not reference (Domain depends on nothing of ours), so Telephony implements this port with it.
/// </summary>
public interface ISipAddressSyntax
{
    bool IsSipAddress(string text);
}
