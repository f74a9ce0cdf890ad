using System.Text;

namespace Switchboard.Testing.Peers;

/// <summary>The digits a test peer received as RFC 4733 telephone events, each once its event ended.</summary>
public sealed class TelephoneEventDigits
{
    /// <summary>The telephone-event payload type of every SDP these tests offer or answer.</summary>
    public const byte PayloadType = 101;

    private const string EventDigits = "0123456789*#ABCD";

    private readonly Lock _lock = new();
    private readonly HashSet<uint> _endedEvents = [];
    private readonly StringBuilder _digits = new();

    /// <summary>Takes note of a digit whose event <paramref name="packet"/> ends; returns false for a packet that is no telephone event.</summary>
    public bool Note(RtpPacket packet)
    {
        if (packet.PayloadType != PayloadType)
            return false;
        var payload = packet.Payload.Span;
        // An event's end is sent three times under the event's timestamp (RFC 4733 §2.5.1.4): one digit.
        if (payload.Length >= 4 && (payload[1] & 0x80) != 0 && payload[0] < EventDigits.Length)
        {
            lock (_lock)
            {
                if (_endedEvents.Add(packet.Timestamp))
                    _digits.Append(EventDigits[payload[0]]);
            }
        }

        return true;
    }

    public override string ToString()
    {
        lock (_lock)
            return _digits.ToString();
    }
}
