using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID, local tag and remote tag, seen from this side.</summary>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The dialog a received request belongs to: our tag is in its To, the peer's in its From.</summary>
    public static bool TryForReceived(SipRequest request, out SipDialogId id) => TryCreate(request, localIsFrom: false, out id);

    /// <summary>The dialog a received response (to a request we sent) belongs to: our tag is in its From.</summary>
    public static bool TryForReceived(SipResponse response, out SipDialogId id) => TryCreate(response, localIsFrom: true, out id);

    private static bool TryCreate(SipMessage message, bool localIsFrom, out SipDialogId id)
    {
        id = default;
        if (!message.TryGetCallId(out var callId) || !message.TryGetFrom(out var from) || !message.TryGetTo(out var to) || !to.HasTag)
            return false;
        var fromTag = Encoding.UTF8.GetString(from.Tag.Span);
        var toTag = Encoding.UTF8.GetString(to.Tag.Span);
        id = new SipDialogId(Encoding.UTF8.GetString(callId.Span), localIsFrom ? fromTag : toTag, localIsFrom ? toTag : fromTag);
        return true;
    }
}
