namespace Switchboard.Media.Sdp;

/// <summary>An "a=rtpmap:101 telephone-event/8000" attribute: what a payload type number means.</summary>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    public static bool TryParse(string value, out RtpMap rtpMap)
    {
        rtpMap = null!;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), out var payloadType))
        {
            return false;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || !int.TryParse(parts[1], out var clockRate))
        {
            return false;
        }

        int? channels = null;
        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], out var count))
            {
                return false;
            }

            channels = count;
        }

        rtpMap = new RtpMap(payloadType, parts[0], clockRate, channels);
        return true;
    }

    public override string ToString() =>
        Channels is null ? $"{PayloadType} {EncodingName}/{ClockRate}" : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";
}
