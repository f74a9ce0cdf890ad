using System.Diagnostics.CodeAnalysis;
using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;

namespace Switchboard.Media.WebRtc;

/// <summary>
/// Answers a browser's offer (JSEP, RFC 8829) for the one audio stream of a webphone leg: G.711 and
/// telephone events chosen as <see cref="OfferAnswer"/> chooses them, carried over DTLS-SRTP on one
/// port (rtcp-mux, BUNDLE) from an ICE-lite agent that is the DTLS server. Every other stream is
/// refused with port 0.
/// </summary>
public static class WebRtcAnswerer
{
    private const string Audio = "audio";

    /// <summary>
    /// Answers <paramref name="offer"/> from <paramref name="local"/>; false, with the reason, when the offer
    /// has no DTLS-SRTP audio stream we can take: no ICE credentials, no fingerprint, no rtcp-mux, no
    /// PCMU or PCMA, or an a=setup that will not let us be the DTLS server.
    /// </summary>
    public static bool TryAnswer(
        SessionDescription offer,
        WebRtcLocalMedia local,
        [NotNullWhen(true)] out WebRtcAnswer? answer,
        [NotNullWhen(false)] out OfferRefusal? refusal)
    {
        answer = null;
        var audio = offer.Media.FirstOrDefault(media =>
            media.Media == Audio && media.Port != 0 && media.Protocol.Equals(WebRtcSdp.SecureProfile, StringComparison.OrdinalIgnoreCase));
        if (audio is null)
        {
            refusal = new OfferRefusal(OfferRefusalReason.NoAudioStream, $"the offer has no audio stream over {WebRtcSdp.SecureProfile}");
            return false;
        }

        if (ValueOf(offer, audio, WebRtcSdp.IceUsernameFragment) is not { Length: > 0 } remoteUsernameFragment
            || ValueOf(offer, audio, WebRtcSdp.IcePassword) is not { Length: > 0 })
        {
            refusal = new OfferRefusal(OfferRefusalReason.MissingIceCredentials, "the audio stream has no a=ice-ufrag and a=ice-pwd");
            return false;
        }

        if (FindFingerprint(offer, audio) is not { } remoteFingerprint)
        {
            refusal = new OfferRefusal(OfferRefusalReason.MissingFingerprint, "the audio stream has no a=fingerprint of sha-256, sha-384 or sha-512");
            return false;
        }

        if (!HasAttribute(offer, audio, WebRtcSdp.RtcpMux))
        {
            refusal = new OfferRefusal(OfferRefusalReason.MissingRtcpMux, "the audio stream has no a=rtcp-mux; RTP and RTCP must share its port");
            return false;
        }

        if (!AllowsUsAsDtlsServer(ValueOf(offer, audio, WebRtcSdp.Setup), out refusal)
            || !OfferAnswer.TryChooseFormat(audio, out var format, out refusal))
        {
            return false;
        }

        answer = new WebRtcAnswer(Describe(offer, audio, format, local), format, remoteUsernameFragment, remoteFingerprint);
        return true;
    }

    /// <summary>
    /// An absent a=setup means active (RFC 4145 §4). Answering passive makes us the server, the side an
    /// ICE-lite agent can take: it never speaks first. An offer that insists on passive (or holdconn) is refused.
    /// </summary>
    private static bool AllowsUsAsDtlsServer(string? offeredSetup, [NotNullWhen(false)] out OfferRefusal? refusal)
    {
        var offered = DtlsSetup.Active;
        if (offeredSetup is not null && !DtlsSetups.TryParse(offeredSetup, out offered))
        {
            refusal = new OfferRefusal(OfferRefusalReason.UnsupportedDtlsSetup, $"a=setup:{offeredSetup} is not a setup value");
            return false;
        }

        if (!DtlsSetups.TryAnswer(offered, out var ours) || ours != DtlsSetup.Passive)
        {
            refusal = new OfferRefusal(OfferRefusalReason.UnsupportedDtlsSetup, $"a=setup:{DtlsSetups.Format(offered)} would not let us be the DTLS server; offer actpass or active");
            return false;
        }

        refusal = null;
        return true;
    }

    private static SessionDescription Describe(SessionDescription offer, MediaDescription audio, RtpMediaFormat format, WebRtcLocalMedia local)
    {
        var plain = new LocalMedia(local.Address, local.Port, local.SessionId, (ulong)local.SessionVersion);
        var mid = audio.FindAttribute(WebRtcSdp.Mid);
        var sessionAttributes = new List<SdpAttribute>();
        if (mid is not null && IsBundled(offer, mid))
        {
            sessionAttributes.Add(new SdpAttribute(WebRtcSdp.Group, $"{WebRtcSdp.Bundle} {mid}"));
        }

        sessionAttributes.Add(new SdpAttribute(WebRtcSdp.IceLite));
        return new SessionDescription
        {
            Origin = plain.Origin,
            Connection = plain.Connection,
            Attributes = sessionAttributes,
            Media = [.. offer.Media.Select(media => ReferenceEquals(media, audio) ? DescribeAudio(offer, audio, format, local) : Refuse(media))],
        };
    }

    private static MediaDescription DescribeAudio(SessionDescription offer, MediaDescription audio, RtpMediaFormat format, WebRtcLocalMedia local)
    {
        var (formats, codecAttributes) = OfferAnswer.DescribeAnswered(format);
        var attributes = new List<SdpAttribute>();
        if (audio.FindAttribute(WebRtcSdp.Mid) is { } mid)
        {
            attributes.Add(new SdpAttribute(WebRtcSdp.Mid, mid));
        }

        attributes.AddRange(codecAttributes);
        attributes.Add(new SdpAttribute(MediaDirections.Answer(offer.DirectionOf(audio), MediaDirection.SendReceive).ToAttributeName()));
        attributes.Add(new SdpAttribute(WebRtcSdp.RtcpMux));
        attributes.Add(new SdpAttribute(WebRtcSdp.IceUsernameFragment, local.Ice.UsernameFragment));
        attributes.Add(new SdpAttribute(WebRtcSdp.IcePassword, local.Ice.Password));
        attributes.Add(new SdpAttribute(WebRtcSdp.Fingerprint, local.Fingerprint.ToString()));
        attributes.Add(new SdpAttribute(WebRtcSdp.Setup, DtlsSetups.Format(DtlsSetup.Passive)));
        attributes.Add(new SdpAttribute(WebRtcSdp.Candidate, IceCandidate.Host(new IPEndPoint(local.Address, local.Port)).ToString()));
        attributes.Add(new SdpAttribute(WebRtcSdp.EndOfCandidates));
        return new MediaDescription
        {
            Media = audio.Media,
            Port = local.Port,
            Protocol = audio.Protocol,
            Formats = formats,
            Attributes = attributes,
        };
    }

    /// <summary>A refused stream keeps its formats (the grammar needs one) and its mid, by which JSEP matches it, on port 0.</summary>
    private static MediaDescription Refuse(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats,
        Attributes = offered.FindAttribute(WebRtcSdp.Mid) is { } mid ? [new SdpAttribute(WebRtcSdp.Mid, mid)] : [],
    };

    private static bool IsBundled(SessionDescription offer, string mid) =>
        offer.Attributes.Any(attribute =>
            attribute is { Name: WebRtcSdp.Group, Value: { } value }
            && value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [WebRtcSdp.Bundle, .. var tags]
            && tags.Contains(mid, StringComparer.Ordinal));

    /// <summary>The first fingerprint we can check, the stream's own before the session's.</summary>
    private static CertificateFingerprint? FindFingerprint(SessionDescription offer, MediaDescription media)
    {
        foreach (var attribute in media.Attributes.Concat(offer.Attributes))
        {
            if (attribute.Name == WebRtcSdp.Fingerprint && CertificateFingerprint.TryParse(attribute.Value, out var fingerprint))
            {
                return fingerprint;
            }
        }

        return null;
    }

    /// <summary>ICE and DTLS attributes may be written per stream or for the whole session; the stream's win.</summary>
    private static string? ValueOf(SessionDescription offer, MediaDescription media, string name) =>
        media.FindAttribute(name) ?? offer.Attributes.FirstOrDefault(attribute => attribute.Name == name)?.Value;

    private static bool HasAttribute(SessionDescription offer, MediaDescription media, string name) =>
        media.Attributes.Any(attribute => attribute.Name == name) || offer.Attributes.Any(attribute => attribute.Name == name);
}
