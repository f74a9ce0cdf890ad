using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Switchboard.Media.WebRtc.Stun;

/// <summary>
/// Writes a STUN message into a caller's buffer, attribute by attribute, keeping the header's length
/// current. MESSAGE-INTEGRITY and then FINGERPRINT, when wanted, come last. Padding is written as
/// spaces, as RFC 5769's samples do, so that a text attribute stays readable in a capture.
/// </summary>
public ref struct StunMessageWriter
{
    private const byte PaddingByte = 0x20;

    private readonly Span<byte> _buffer;
    private int _length;

    public StunMessageWriter(Span<byte> buffer, StunMessageType type, ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunMessage.TransactionIdLength)
        {
            throw new ArgumentException($"a STUN transaction id is {StunMessage.TransactionIdLength} bytes", nameof(transactionId));
        }

        EnsureRoom(buffer.Length, StunMessage.HeaderLength);
        _buffer = buffer;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunMessage.MagicCookie);
        transactionId.CopyTo(buffer[8..]);
        _length = StunMessage.HeaderLength;
        UpdateLength();
    }

    /// <summary>The bytes written so far: the whole message once the last attribute is added.</summary>
    public readonly int Length => _length;

    public void AddAttribute(StunAttributeType type, ReadOnlySpan<byte> value) => value.CopyTo(Reserve(type, value.Length));

    public void AddText(StunAttributeType type, string text)
    {
        var value = Reserve(type, Encoding.UTF8.GetByteCount(text));
        Encoding.UTF8.GetBytes(text, value);
    }

    public void AddUsername(string username) => AddText(StunAttributeType.Username, username);

    public void AddPriority(uint priority) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(StunAttributeType.Priority, 4), priority);

    public void AddUseCandidate() => Reserve(StunAttributeType.UseCandidate, 0);

    public void AddIceControlling(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlling, 8), tieBreaker);

    public void AddIceControlled(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlled, 8), tieBreaker);

    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        var value = Reserve(StunAttributeType.XorMappedAddress, XorMappedAddress.LengthOf(endPoint));
        XorMappedAddress.Write(value, endPoint, _buffer.Slice(8, StunMessage.TransactionIdLength));
    }

    /// <summary>ERROR-CODE (RFC 8489 §14.8): class and number of <paramref name="code"/> (300–699) and a reason phrase.</summary>
    public void AddErrorCode(int code, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 699);
        var value = Reserve(StunAttributeType.ErrorCode, 4 + Encoding.UTF8.GetByteCount(reason));
        value[..2].Clear();
        value[2] = (byte)(code / 100);
        value[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reason, value[4..]);
    }

    /// <summary>MESSAGE-INTEGRITY: HMAC-SHA1 of everything so far under <paramref name="key"/> (the ICE password's bytes).</summary>
    public void AddMessageIntegrity(ReadOnlySpan<byte> key)
    {
        var covered = _length;
        var value = Reserve(StunAttributeType.MessageIntegrity, StunMessage.MessageIntegrityLength);
        StunMessage.ComputeMessageIntegrity(_buffer[..covered], key, value);
    }

    /// <summary>FINGERPRINT: CRC-32 of everything so far XOR 0x5354554E; it must be the last attribute.</summary>
    public void AddFingerprint()
    {
        var covered = _length;
        var value = Reserve(StunAttributeType.Fingerprint, 4);
        BinaryPrimitives.WriteUInt32BigEndian(value, StunCrc32.Compute(_buffer[..covered]) ^ StunMessage.FingerprintXor);
    }

    private Span<byte> Reserve(StunAttributeType type, int valueLength)
    {
        var padded = StunMessage.Padded(valueLength);
        EnsureRoom(_buffer.Length, _length + StunMessage.AttributeHeaderLength + padded);
        var attribute = _buffer.Slice(_length, StunMessage.AttributeHeaderLength + padded);
        BinaryPrimitives.WriteUInt16BigEndian(attribute, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(attribute[2..], (ushort)valueLength);
        attribute[(StunMessage.AttributeHeaderLength + valueLength)..].Fill(PaddingByte);
        _length += attribute.Length;
        UpdateLength();
        return attribute.Slice(StunMessage.AttributeHeaderLength, valueLength);
    }

    private readonly void UpdateLength() => BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)(_length - StunMessage.HeaderLength));

    private static void EnsureRoom(int capacity, int needed)
    {
        if (needed > capacity)
        {
            throw new ArgumentException($"the STUN message needs {needed} bytes but the buffer holds {capacity}");
        }
    }
}
