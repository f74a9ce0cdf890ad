namespace Switchboard.Media.Sdp;

/// <summary>An SDP session description (RFC 4566): the body of an INVITE offer or of its answer.</summary>
public sealed class SessionDescription
{
    public required SdpOrigin Origin { get; init; }

    public string SessionName { get; init; } = "-";

    /// <summary>The session-level "c=" line, used by every stream that has none of its own.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The "t=" line; "0 0" (unbounded) for calls.</summary>
    public string Timing { get; init; } = "0 0";

    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    public IReadOnlyList<MediaDescription> Media { get; init; } = [];

    /// <summary>Where media of <paramref name="media"/> goes: its own connection, else the session's.</summary>
    public SdpConnection? ConnectionOf(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The direction of <paramref name="media"/>: its own attribute, else the session's, else sendrecv.</summary>
    public MediaDirection DirectionOf(MediaDescription media)
    {
        if (media.Direction is { } direction)
        {
            return direction;
        }

        foreach (var attribute in Attributes)
        {
            if (attribute.Value is null && MediaDirections.TryParse(attribute.Name, out var sessionDirection))
            {
                return sessionDirection;
            }
        }

        return MediaDirection.SendReceive;
    }

    public static bool TryParse(string text, out SessionDescription description, out string error) =>
        SdpParser.TryParse(text, out description, out error);

    /// <summary>The description as SDP text with CRLF line ends, ready for a message body.</summary>
    public override string ToString() => SdpWriter.Write(this);
}
