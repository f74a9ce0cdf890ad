using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>
/// Reads SDP text (RFC 4566 §5). Accepts LF as well as CRLF line ends and keeps unknown lines and
/// attributes, because peers write more than any one model knows. Never throws on bad input.
/// </summary>
public static class SdpParser
{
    public static bool TryParse(string text, out SessionDescription description, out string error)
    {
        description = null!;
        var session = new SessionBuilder();
        MediaBuilder? media = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                error = $"line {lineNumber} is not of the form <type>=<value>: \"{line}\"";
                return false;
            }

            var type = line[0];
            var value = line[2..];
            if (lineNumber == 1 && type != 'v')
            {
                error = "the description does not start with v=0";
                return false;
            }

            var problem = type switch
            {
                'v' => value == "0" ? null : $"unsupported SDP version \"{value}\"",
                'm' => StartMedia(value, session, out media),
                _ when media is not null => media.Add(type, value),
                _ => session.Add(type, value),
            };
            if (problem is not null)
            {
                error = $"line {lineNumber}: {problem}";
                return false;
            }
        }

        if (lineNumber == 0 || session.Origin is null)
        {
            error = "the description has no o= line";
            return false;
        }

        description = session.Build();
        error = string.Empty;
        return true;
    }

    private static string? StartMedia(string value, SessionBuilder session, out MediaBuilder? media)
    {
        media = null;
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4)
        {
            return $"m= needs media, port, protocol and at least one format: \"{value}\"";
        }

        var portField = fields[1];
        int? portCount = null;
        var slash = portField.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryParsePort(portField[(slash + 1)..], out var count))
            {
                return $"invalid port count in m=: \"{value}\"";
            }

            portCount = count;
            portField = portField[..slash];
        }

        if (!TryParsePort(portField, out var port))
        {
            return $"invalid port in m=: \"{value}\"";
        }

        media = new MediaBuilder(fields[0], port, portCount, fields[2], fields[3..]);
        session.Media.Add(media);
        return null;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= ushort.MaxValue;

    private static string? ParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3 || fields[0] != "IN")
        {
            return $"c= must be \"IN <IP4|IP6> <address>\": \"{value}\"";
        }

        connection = new SdpConnection(fields[1], fields[2]);
        return null;
    }

    private static SdpAttribute ParseAttribute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttribute(value) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
    }

    private sealed class SessionBuilder
    {
        public SdpOrigin? Origin { get; private set; }

        public List<MediaBuilder> Media { get; } = [];

        private readonly List<SdpLine> _otherLines = [];
        private readonly List<SdpAttribute> _attributes = [];
        private string _sessionName = "-";
        private string _timing = "0 0";
        private SdpConnection? _connection;

        public string? Add(char type, string value)
        {
            switch (type)
            {
                case 'o':
                    return ParseOrigin(value);
                case 's':
                    _sessionName = value;
                    return null;
                case 'c':
                    return ParseConnection(value, out _connection);
                case 't':
                    _timing = value;
                    return null;
                case 'a':
                    _attributes.Add(ParseAttribute(value));
                    return null;
                default:
                    _otherLines.Add(new SdpLine(type, value));
                    return null;
            }
        }

        public SessionDescription Build() => new()
        {
            Origin = Origin!,
            SessionName = _sessionName,
            Connection = _connection,
            Timing = _timing,
            OtherLines = _otherLines,
            Attributes = _attributes,
            Media = Media.ConvertAll(media => media.Build()),
        };

        private string? ParseOrigin(string value)
        {
            var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6
                || !ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId)
                || !ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sessionVersion)
                || fields[3] != "IN")
            {
                return $"o= must be \"<username> <sess-id> <sess-version> IN <IP4|IP6> <address>\": \"{value}\"";
            }

            Origin = new SdpOrigin(fields[0], sessionId, sessionVersion, fields[4], fields[5]);
            return null;
        }
    }

    private sealed class MediaBuilder(string media, int port, int? portCount, string protocol, string[] formats)
    {
        private readonly List<SdpLine> _otherLines = [];
        private readonly List<SdpAttribute> _attributes = [];
        private SdpConnection? _connection;

        public string? Add(char type, string value)
        {
            switch (type)
            {
                case 'c':
                    return ParseConnection(value, out _connection);
                case 'a':
                    _attributes.Add(ParseAttribute(value));
                    return null;
                case 'o' or 's' or 't':
                    return $"{type}= belongs before the first m= line";
                default:
                    _otherLines.Add(new SdpLine(type, value));
                    return null;
            }
        }

        public MediaDescription Build() => new()
        {
            Media = media,
            Port = port,
            PortCount = portCount,
            Protocol = protocol,
            Formats = formats,
            Connection = _connection,
            OtherLines = _otherLines,
            Attributes = _attributes,
        };
    }
}
