using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>One "m=" section: a media stream with its own port, formats and attributes.</summary>
public sealed class MediaDescription
{
    public required string Media { get; init; }

    /// <summary>The RTP port; 0 in an answer means the stream was refused (RFC 3264 §6).</summary>
    public required int Port { get; init; }

    /// <summary>The "/2" of "m=audio 49170/2 RTP/AVP 0", when present.</summary>
    public int? PortCount { get; init; }

    public required string Protocol { get; init; }

    /// <summary>The formats in the offerer's order of preference: RTP payload type numbers for RTP/AVP.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>This stream's own "c=" line; when absent the session's applies.</summary>
    public SdpConnection? Connection { get; init; }

    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    public bool IsRtp => Protocol.StartsWith("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The direction attribute written on this stream, if any.</summary>
    public MediaDirection? Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && MediaDirections.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>The "a=ptime" packetization time in milliseconds, if given.</summary>
    public int? Ptime =>
        int.TryParse(FindAttribute("ptime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ptime) ? ptime : null;

    /// <summary>The RTCP port from "a=rtcp:" (RFC 3605), if given; otherwise RTCP uses the RTP port + 1.</summary>
    public int? RtcpPort
    {
        get
        {
            var value = FindAttribute("rtcp");
            if (value is null)
            {
                return null;
            }

            var end = value.IndexOf(' ', StringComparison.Ordinal);
            return int.TryParse(end < 0 ? value : value[..end], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
    }

    /// <summary>The payload types of <see cref="Formats"/> that are numbers, in order.</summary>
    public IEnumerable<int> PayloadTypes
    {
        get
        {
            foreach (var format in Formats)
            {
                if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType))
                {
                    yield return payloadType;
                }
            }
        }
    }

    public string? FindAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// What <paramref name="payloadType"/> means here: its rtpmap, or for a static payload type offered
    /// without one (sipp's "m=audio 6000 RTP/AVP 0" alone is legal) the RFC 3551 meaning.
    /// </summary>
    public RtpMap? FindRtpMap(int payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute is { Name: "rtpmap", Value: not null }
                && RtpMap.TryParse(attribute.Value, out var rtpMap)
                && rtpMap.PayloadType == payloadType)
            {
                return rtpMap;
            }
        }

        return payloadType switch
        {
            0 => new RtpMap(0, "PCMU", 8000),
            8 => new RtpMap(8, "PCMA", 8000),
            _ => null,
        };
    }

    /// <summary>The format parameters of "a=fmtp:<paramref name="payloadType"/> ...", if any.</summary>
    public string? FindFormatParameters(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (var attribute in Attributes)
        {
            if (attribute is { Name: "fmtp", Value: not null } && attribute.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return attribute.Value[prefix.Length..].Trim();
            }
        }

        return null;
    }
}
