using System.Text;

namespace Switchboard.Media.Sdp;

/// <summary>Writes SDP text with CRLF line ends, lines in the order RFC 4566 §5 requires.</summary>
public static class SdpWriter
{
    // Kept-as-text lines go where the grammar puts them: session i/u/e/p before c=, b= after it,
    // r/z/k after t=; media i= before c=, b/k after it.
    private const string SessionLinesBeforeConnection = "iuep";
    private const string SessionLinesBeforeTiming = "b";
    private const string MediaLinesBeforeConnection = "i";

    public static string Write(SessionDescription description)
    {
        var text = new StringBuilder();
        Line(text, 'v', "0");
        var origin = description.Origin;
        Line(text, 'o', $"{origin.Username} {origin.SessionId} {origin.SessionVersion} IN {origin.AddressType} {origin.Address}");
        Line(text, 's', description.SessionName);
        OtherLines(text, description.OtherLines, type => SessionLinesBeforeConnection.Contains(type, StringComparison.Ordinal));
        Connection(text, description.Connection);
        OtherLines(text, description.OtherLines, type => SessionLinesBeforeTiming.Contains(type, StringComparison.Ordinal));
        Line(text, 't', description.Timing);
        OtherLines(text, description.OtherLines, type => !(SessionLinesBeforeConnection + SessionLinesBeforeTiming).Contains(type, StringComparison.Ordinal));
        Attributes(text, description.Attributes);
        foreach (var media in description.Media)
        {
            var port = media.PortCount is { } count ? $"{media.Port}/{count}" : $"{media.Port}";
            Line(text, 'm', $"{media.Media} {port} {media.Protocol} {string.Join(' ', media.Formats)}");
            OtherLines(text, media.OtherLines, type => MediaLinesBeforeConnection.Contains(type, StringComparison.Ordinal));
            Connection(text, media.Connection);
            OtherLines(text, media.OtherLines, type => !MediaLinesBeforeConnection.Contains(type, StringComparison.Ordinal));
            Attributes(text, media.Attributes);
        }

        return text.ToString();
    }

    private static void Connection(StringBuilder text, SdpConnection? connection)
    {
        if (connection is not null)
        {
            Line(text, 'c', $"IN {connection.AddressType} {connection.Address}");
        }
    }

    private static void OtherLines(StringBuilder text, IReadOnlyList<SdpLine> lines, Func<char, bool> belongsHere)
    {
        foreach (var line in lines)
        {
            if (belongsHere(line.Type))
            {
                Line(text, line.Type, line.Value);
            }
        }
    }

    private static void Attributes(StringBuilder text, IReadOnlyList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
