namespace Switchboard.Media.Rtp;

/// <summary>The DTMF digits and their RFC 4733 event codes (§3.2).</summary>
public static class DtmfDigits
{
    private const string ByEvent = "0123456789*#ABCD";

    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        var known = eventCode < ByEvent.Length;
        digit = known ? ByEvent[eventCode] : '\0';
        return known;
    }

    public static bool TryGetEvent(char digit, out byte eventCode)
    {
        var index = ByEvent.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }
}
