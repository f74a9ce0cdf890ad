using System.Globalization;
using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Sdp;

/// <summary>
/// The SDP offer/answer model (RFC 3264) for the switchboard's one audio stream per leg:
/// G.711 in either law, plus RFC 4733 telephone events for DTMF.
/// </summary>
public static class OfferAnswer
{
    public const byte DefaultTelephoneEventPayloadType = 101;

    private const string TelephoneEvent = "telephone-event";
    private const string PacketizationMilliseconds = "20";

    // DTMF digits 0-9, *, #, A-D are events 0-15 (RFC 4733 §3.2); 16 is flash, which peers also send.
    private const string TelephoneEventsOffered = "0-16";
    private const string TelephoneEventsAnswered = "0-15";

    /// <summary>
    /// Builds our offer: PCMU and PCMA (in <paramref name="preference"/> order, both by default)
    /// and telephone-event on payload type 101.
    /// </summary>
    public static SessionDescription CreateOffer(LocalMedia local, IReadOnlyList<AudioEncoding>? preference = null)
    {
        preference ??= [AudioEncoding.Pcmu, AudioEncoding.Pcma];
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var encoding in preference)
        {
            var payloadType = StaticPayloadType(encoding);
            formats.Add(payloadType.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttribute("rtpmap", new RtpMap(payloadType, EncodingName(encoding), RtpMediaFormat.ClockRate).ToString()));
        }

        formats.Add(DefaultTelephoneEventPayloadType.ToString(CultureInfo.InvariantCulture));
        attributes.Add(new SdpAttribute("rtpmap", new RtpMap(DefaultTelephoneEventPayloadType, TelephoneEvent, RtpMediaFormat.ClockRate).ToString()));
        attributes.Add(new SdpAttribute("fmtp", $"{DefaultTelephoneEventPayloadType} {TelephoneEventsOffered}"));
        attributes.Add(new SdpAttribute("ptime", PacketizationMilliseconds));
        attributes.Add(new SdpAttribute(local.Direction.ToAttributeName()));

        return new SessionDescription
        {
            Origin = local.Origin,
            Connection = local.Connection,
            Media =
            [
                new MediaDescription
                {
                    Media = "audio",
                    Port = local.RtpPort,
                    Protocol = "RTP/AVP",
                    Formats = formats,
                    Attributes = attributes,
                },
            ],
        };
    }

    /// <summary>
    /// Answers <paramref name="offer"/>: the first audio stream takes the first PCMU or PCMA in the
    /// offerer's order, and telephone-event under the offerer's payload type; every other stream is
    /// refused with port 0. Fails, with a reason for a 488, when no stream can carry G.711.
    /// </summary>
    public static bool TryAnswer(SessionDescription offer, LocalMedia local, out SdpAnswer answer, out OfferRefusal refusal)
    {
        answer = null!;
        refusal = new OfferRefusal(OfferRefusalReason.NoAudioStream, "the offer has no RTP audio stream");
        var answered = new List<MediaDescription>();
        NegotiatedAudio? audio = null;
        foreach (var media in offer.Media)
        {
            if (audio is null && media.Media == "audio" && media.IsRtp && media.Port != 0)
            {
                if (TryNegotiate(offer, media, out var format, out var remoteRtp, out var remoteRtcp, out refusal))
                {
                    var direction = MediaDirections.Answer(offer.DirectionOf(media), local.Direction);
                    audio = new NegotiatedAudio(format, remoteRtp, remoteRtcp, direction);
                    answered.Add(AnswerAudio(media, local, audio));
                    continue;
                }
            }

            answered.Add(Refuse(media));
        }

        if (audio is null)
        {
            return false;
        }

        var description = new SessionDescription
        {
            Origin = local.Origin,
            Connection = local.Connection,
            Media = answered,
        };
        answer = new SdpAnswer(description, audio);
        return true;
    }

    /// <summary>
    /// Reads the answer to one of our offers: the codec and telephone-event payload type it kept, and
    /// where to send. Fails if it refused audio or answered with something we did not offer.
    /// </summary>
    public static bool TryReadAnswer(SessionDescription answer, out NegotiatedAudio audio, out OfferRefusal refusal)
    {
        audio = null!;
        refusal = new OfferRefusal(OfferRefusalReason.NoAudioStream, "the answer refused the audio stream");
        foreach (var media in answer.Media)
        {
            if (media.Media != "audio" || !media.IsRtp || media.Port == 0)
            {
                continue;
            }

            if (!TryNegotiate(answer, media, out var format, out var remoteRtp, out var remoteRtcp, out refusal))
            {
                return false;
            }

            // The answer's direction is the answerer's; ours is its mirror.
            var direction = MediaDirections.Answer(answer.DirectionOf(media), MediaDirection.SendReceive);
            audio = new NegotiatedAudio(format, remoteRtp, remoteRtcp, direction);
            return true;
        }

        return false;
    }

    private static bool TryNegotiate(
        SessionDescription description,
        MediaDescription media,
        out RtpMediaFormat format,
        out IPEndPoint? remoteRtp,
        out IPEndPoint? remoteRtcp,
        out OfferRefusal refusal)
    {
        remoteRtp = null;
        remoteRtcp = null;
        if (!TryChooseFormat(media, out format, out refusal))
        {
            return false;
        }

        var connection = description.ConnectionOf(media);
        if (connection is null || !IPAddress.TryParse(connection.Address, out var address))
        {
            format = null!;
            refusal = new OfferRefusal(OfferRefusalReason.InvalidAddress, $"the audio stream's connection address is not an IP address: \"{connection?.Address}\"");
            return false;
        }

        if (!connection.IsUnspecified)
        {
            remoteRtp = new IPEndPoint(address, media.Port);
            remoteRtcp = new IPEndPoint(address, media.RtcpPort ?? media.Port + 1);
        }

        return true;
    }

    /// <summary>
    /// The codec choice every answer makes, plain or WebRTC: the first PCMU or PCMA in the offerer's
    /// order, and telephone-event/8000 under the offerer's payload type when offered.
    /// </summary>
    internal static bool TryChooseFormat(MediaDescription media, out RtpMediaFormat format, out OfferRefusal refusal)
    {
        format = null!;
        (AudioEncoding Encoding, byte PayloadType)? audio = null;
        byte? telephoneEvent = null;
        foreach (var payloadType in media.PayloadTypes)
        {
            if (payloadType > 127 || media.FindRtpMap(payloadType) is not { ClockRate: RtpMediaFormat.ClockRate } rtpMap)
            {
                continue;
            }

            if (audio is null && TryParseEncoding(rtpMap.EncodingName, out var encoding))
            {
                audio = (encoding, (byte)payloadType);
            }
            else if (telephoneEvent is null && rtpMap.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase))
            {
                telephoneEvent = (byte)payloadType;
            }
        }

        if (audio is null)
        {
            var offered = string.Join(", ", media.PayloadTypes.Select(pt => media.FindRtpMap(pt)?.EncodingName ?? pt.ToString(CultureInfo.InvariantCulture)));
            refusal = new OfferRefusal(OfferRefusalReason.NoCommonCodec, $"no common codec: offered {offered}; supported PCMU/8000, PCMA/8000");
            return false;
        }

        format = new RtpMediaFormat(audio.Value.Encoding, audio.Value.PayloadType, telephoneEvent);
        refusal = null!;
        return true;
    }

    /// <summary>The m= formats of <paramref name="format"/> and the rtpmap and fmtp lines that say what they are.</summary>
    internal static (List<string> Formats, List<SdpAttribute> Attributes) DescribeAnswered(RtpMediaFormat format)
    {
        var formats = new List<string> { format.AudioPayloadType.ToString(CultureInfo.InvariantCulture) };
        var attributes = new List<SdpAttribute>
        {
            new("rtpmap", new RtpMap(format.AudioPayloadType, EncodingName(format.Encoding), RtpMediaFormat.ClockRate).ToString()),
        };
        if (format.TelephoneEventPayloadType is { } eventPayloadType)
        {
            formats.Add(eventPayloadType.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttribute("rtpmap", new RtpMap(eventPayloadType, TelephoneEvent, RtpMediaFormat.ClockRate).ToString()));
            attributes.Add(new SdpAttribute("fmtp", $"{eventPayloadType} {TelephoneEventsAnswered}"));
        }

        return (formats, attributes);
    }

    private static MediaDescription AnswerAudio(MediaDescription offered, LocalMedia local, NegotiatedAudio audio)
    {
        var (formats, attributes) = DescribeAnswered(audio.Format);
        attributes.Add(new SdpAttribute("ptime", PacketizationMilliseconds));
        attributes.Add(new SdpAttribute(audio.Direction.ToAttributeName()));
        return new MediaDescription
        {
            Media = offered.Media,
            Port = local.RtpPort,
            Protocol = offered.Protocol,
            Formats = formats,
            Attributes = attributes,
        };
    }

    /// <summary>A refused stream keeps its formats (the grammar needs at least one) on port 0.</summary>
    private static MediaDescription Refuse(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats,
    };

    private static bool TryParseEncoding(string name, out AudioEncoding encoding)
    {
        if (name.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
        {
            encoding = AudioEncoding.Pcmu;
            return true;
        }

        encoding = AudioEncoding.Pcma;
        return name.Equals("PCMA", StringComparison.OrdinalIgnoreCase);
    }

    private static string EncodingName(AudioEncoding encoding) => encoding == AudioEncoding.Pcmu ? "PCMU" : "PCMA";

    private static byte StaticPayloadType(AudioEncoding encoding) => encoding == AudioEncoding.Pcmu ? (byte)0 : (byte)8;
}
