using Switchboard.Media.Sdp;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Ice;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// Answers a webphone leg's media: the browser's SDP offer is answered as an ICE-lite, DTLS-SRTP endpoint on the
/// leg's RTP port, and the leg's session starts, secured, so that a bridge treats it like any other. A reloaded page
/// offers again on a connected leg: the same session answers it with a new channel, and the call goes on.
/// </summary>
internal static class WebphoneMedia
{
    /// <summary>How often a webphone leg's ICE consent is looked at once the first consent period has passed.</summary>
    private static readonly TimeSpan ConsentCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>The browser accepts the ringing leg: its media is secured and started.</summary>
    public static WebphoneAcceptOutcome Answer(BackToBackUserAgent owner, Call call, CalleeLeg leg, string sdpOffer)
    {
        var outcome = Secure(owner, call, leg, sdpOffer);
        if (outcome.Status == WebphoneAcceptStatus.Answered)
            leg.Media.Start();
        return outcome;
    }

    /// <summary>
    /// A new browser session of the connected leg: fresh ICE credentials and a new DTLS association on the same,
    /// running session; the old browser's channel is let go and consent is watched on the new one.
    /// </summary>
    public static WebphoneAcceptOutcome Reconnect(BackToBackUserAgent owner, Call call, CalleeLeg leg, string sdpOffer) =>
        Secure(owner, call, leg, sdpOffer);

    private static WebphoneAcceptOutcome Secure(BackToBackUserAgent owner, Call call, CalleeLeg leg, string sdpOffer)
    {
        if (!SdpParser.TryParse(sdpOffer, out var offer, out var error))
            return BadOffer($"the SDP offer cannot be read: {error}");

        var local = leg.NextLocal();
        var ice = IceCredentials.Generate();
        WebRtcMediaChannel channel;
        WebRtcAnswer? answer;
        try
        {
            var dtls = owner.WebphoneDtls;
            var ours = new WebRtcLocalMedia(local.Address, local.RtpPort, ice, dtls.Certificate.Fingerprint, local.SessionId, (long)local.SessionVersion);
            if (!WebRtcAnswerer.TryAnswer(offer, ours, out answer, out var refusal))
                return BadOffer(refusal.Message);
            channel = WebRtcMediaChannel.ForAnswer(answer, ice, dtls, leg.Media, owner.Time);
        }
        catch (DllNotFoundException exception)
        {
            // libssl or libsrtp2 is not installed: the webphone cannot work on this server, which the agent must hear.
            return BadOffer($"the server cannot secure webphone media: {exception.Message}");
        }

        leg.Media.UseWebRtc(channel);
        leg.Media.Connect(null, null, answer.Format);
        leg.WebRtc = channel;
        // A browser sends consent checks every few seconds (RFC 7675); when they stop, its page or network is gone.
        leg.ConsentTimer?.Dispose();
        leg.ConsentTimer = owner.Time.CreateTimer(_ => call.Post(new WebphoneConsentCheck(leg, channel)), null, IceLiteAgent.ConsentTimeout, ConsentCheckInterval);
        return new WebphoneAcceptOutcome(WebphoneAcceptStatus.Answered, SdpWriter.Write(answer.Description));
    }

    private static WebphoneAcceptOutcome BadOffer(string problem) => new(WebphoneAcceptStatus.BadOffer, Problem: problem);
}
