using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>The 4-byte payload of an RFC 4733 telephone-event packet (§2.3).</summary>
/// <param name="Event">The event code: 0-9, 10 for *, 11 for #, 12-15 for A-D.</param>
/// <param name="End">Set on the last packet(s) of the event.</param>
/// <param name="Volume">Power level in -dBm0, 0 to 63.</param>
/// <param name="Duration">How long the event has lasted so far, in timestamp units.</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Size = 4;

    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        // Several events may be stacked (RFC 4733 §2.5.1.5); the first one is the current one.
        if (payload.Length < Size)
        {
            telephoneEvent = default;
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
