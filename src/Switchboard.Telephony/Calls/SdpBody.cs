using System.Text;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Telephony.Calls;

/// <summary>SDP carried in the body of a SIP message (Content-Type application/sdp).</summary>
internal static class SdpBody
{
    public static bool TryRead(SipMessage message, out SessionDescription description, out string error)
    {
        description = null!;
        if (message.Body.IsEmpty)
        {
            error = "no SDP offer in the body";
            return false;
        }

        if (message.TryGetContentType(out var contentType) && !contentType.Is("application/sdp"u8))
        {
            error = "the body is not application/sdp";
            return false;
        }

        return SessionDescription.TryParse(Encoding.UTF8.GetString(message.Body.Span), out description, out error);
    }

    public static void Write(SipMessage message, SessionDescription description)
    {
        message.Headers.Add("Content-Type", "application/sdp");
        message.Body = Encoding.ASCII.GetBytes(description.ToString());
    }
}
