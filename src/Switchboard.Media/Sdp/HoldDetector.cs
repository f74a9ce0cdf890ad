namespace Switchboard.Media.Sdp;

/// <summary>Tells whether a re-INVITE's offer puts us on hold.</summary>
public static class HoldDetector
{
    /// <summary>
    /// True when the peer stops listening to the audio stream: sendonly or inactive (RFC 3264 §8.4),
    /// or the older c=0.0.0.0 form (RFC 2543) that many phones still send.
    /// </summary>
    public static bool IsHold(SessionDescription offer)
    {
        foreach (var media in offer.Media)
        {
            if (media.Media != "audio" || media.Port == 0)
            {
                continue;
            }

            var direction = offer.DirectionOf(media);
            return direction is MediaDirection.SendOnly or MediaDirection.Inactive
                || offer.ConnectionOf(media)?.IsUnspecified == true;
        }

        return false;
    }
}
