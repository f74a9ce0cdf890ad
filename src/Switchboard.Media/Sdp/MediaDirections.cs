namespace Switchboard.Media.Sdp;

/// <summary>The attribute names of <see cref="MediaDirection"/> and the rules answers follow for them.</summary>
public static class MediaDirections
{
    public static string ToAttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.ReceiveOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    public static bool TryParse(string attributeName, out MediaDirection direction)
    {
        switch (attributeName)
        {
            case "sendrecv":
                direction = MediaDirection.SendReceive;
                return true;
            case "sendonly":
                direction = MediaDirection.SendOnly;
                return true;
            case "recvonly":
                direction = MediaDirection.ReceiveOnly;
                return true;
            case "inactive":
                direction = MediaDirection.Inactive;
                return true;
            default:
                direction = MediaDirection.SendReceive;
                return false;
        }
    }

    /// <summary>
    /// The direction an answerer takes: the mirror of the offer (sendonly is answered recvonly),
    /// narrowed by what the answerer itself wants (RFC 3264 §6.1).
    /// </summary>
    public static MediaDirection Answer(MediaDirection offered, MediaDirection wanted)
    {
        var send = offered.Receives() && wanted.Sends();
        var receive = offered.Sends() && wanted.Receives();
        return (send, receive) switch
        {
            (true, true) => MediaDirection.SendReceive,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.ReceiveOnly,
            _ => MediaDirection.Inactive,
        };
    }

    public static bool Sends(this MediaDirection direction) =>
        direction is MediaDirection.SendReceive or MediaDirection.SendOnly;

    public static bool Receives(this MediaDirection direction) =>
        direction is MediaDirection.SendReceive or MediaDirection.ReceiveOnly;
}
