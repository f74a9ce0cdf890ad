using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;

namespace Switchboard.Media.WebRtc.Stun;

/// <summary>
/// A STUN message read in place over a datagram (RFC 8489 §5, §14): nothing is copied or allocated
/// until an attribute is asked for. <see cref="TryParse"/> checks the framing once, so walking the
/// attributes later needs no bounds checks. Attributes after MESSAGE-INTEGRITY are not covered by it
/// and are ignored, except FINGERPRINT (§14.5).
/// </summary>
public readonly ref struct StunMessage
{
    public const int HeaderLength = 20;
    public const int TransactionIdLength = 12;
    public const uint MagicCookie = 0x2112A442;

    internal const int AttributeHeaderLength = 4;
    internal const int MessageIntegrityLength = 20;
    internal const uint FingerprintXor = 0x5354554E;

    /// <summary>Larger messages are not STUN over UDP as ICE sends it; capping it keeps the integrity check on the stack.</summary>
    private const int MaximumLength = 1500;

    private readonly ReadOnlySpan<byte> _bytes;

    private StunMessage(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    public StunMessageType Type => (StunMessageType)BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    public ReadOnlySpan<byte> TransactionId => _bytes.Slice(8, TransactionIdLength);

    /// <summary>Reads <paramref name="datagram"/> as one whole STUN message; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out StunMessage message)
    {
        message = default;
        if (datagram.Length < HeaderLength || datagram.Length > MaximumLength
            || (datagram[0] & 0xC0) != 0
            || BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]) != MagicCookie
            || BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) != datagram.Length - HeaderLength
            || datagram.Length % 4 != 0)
        {
            return false;
        }

        var offset = HeaderLength;
        while (offset < datagram.Length)
        {
            if (datagram.Length - offset < AttributeHeaderLength)
            {
                return false;
            }

            offset += AttributeHeaderLength + Padded(BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]));
            if (offset > datagram.Length)
            {
                return false;
            }
        }

        message = new StunMessage(datagram);
        return true;
    }

    public bool HasAttribute(StunAttributeType type) => TryGetAttribute(type, out _);

    /// <summary>The first attribute of <paramref name="type"/> that MESSAGE-INTEGRITY covers (or MESSAGE-INTEGRITY and FINGERPRINT themselves).</summary>
    public bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value) => TryFind(type, out value, out _);

    public bool TryGetUInt32(StunAttributeType type, out uint value)
    {
        value = 0;
        if (!TryGetAttribute(type, out var bytes) || bytes.Length != 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    public bool TryGetUInt64(StunAttributeType type, out ulong value)
    {
        value = 0;
        if (!TryGetAttribute(type, out var bytes) || bytes.Length != 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        return true;
    }

    public bool TryGetXorMappedAddress(out IPEndPoint endPoint)
    {
        endPoint = null!;
        return TryGetAttribute(StunAttributeType.XorMappedAddress, out var value)
            && XorMappedAddress.TryRead(value, TransactionId, out endPoint);
    }

    /// <summary>The number of an ERROR-CODE attribute (RFC 8489 §14.8), such as 401.</summary>
    public bool TryGetErrorCode(out int code)
    {
        code = 0;
        if (!TryGetAttribute(StunAttributeType.ErrorCode, out var value) || value.Length < 4)
        {
            return false;
        }

        code = (value[2] & 0x07) * 100 + value[3];
        return true;
    }

    /// <summary>True when the message ends with a FINGERPRINT attribute whose CRC matches (RFC 8489 §14.7).</summary>
    public bool HasValidFingerprint()
    {
        if (!TryFind(StunAttributeType.Fingerprint, out var value, out var offset)
            || value.Length != 4
            || offset + AttributeHeaderLength + 4 != _bytes.Length)
        {
            return false;
        }

        return (StunCrc32.Compute(_bytes[..offset]) ^ FingerprintXor) == BinaryPrimitives.ReadUInt32BigEndian(value);
    }

    /// <summary>
    /// True when MESSAGE-INTEGRITY is the HMAC-SHA1 of the message up to it under <paramref name="key"/>,
    /// which for ICE's short-term credentials is the password's UTF-8 bytes (RFC 8489 §9.1.1, §14.5).
    /// </summary>
    public bool HasValidMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (!TryFind(StunAttributeType.MessageIntegrity, out var value, out var offset) || value.Length != MessageIntegrityLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MessageIntegrityLength];
        ComputeMessageIntegrity(_bytes[..offset], key, expected);
        return CryptographicOperations.FixedTimeEquals(expected, value);
    }

    /// <summary>
    /// The HMAC over <paramref name="messageBeforeIntegrity"/> with its header length rewritten to end
    /// just after the MESSAGE-INTEGRITY attribute, as the sender saw it when computing.
    /// </summary>
    [SuppressMessage("Security", "CA5350", Justification = "MESSAGE-INTEGRITY is HMAC-SHA1 by definition (RFC 8489 §14.5); browsers send nothing else.")]
    internal static void ComputeMessageIntegrity(ReadOnlySpan<byte> messageBeforeIntegrity, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        Span<byte> covered = stackalloc byte[messageBeforeIntegrity.Length];
        messageBeforeIntegrity.CopyTo(covered);
        BinaryPrimitives.WriteUInt16BigEndian(
            covered[2..],
            (ushort)(messageBeforeIntegrity.Length - HeaderLength + AttributeHeaderLength + MessageIntegrityLength));
        HMACSHA1.HashData(key, covered, destination);
    }

    internal static int Padded(int length) => (length + 3) & ~3;

    private bool TryFind(StunAttributeType type, out ReadOnlySpan<byte> value, out int attributeOffset)
    {
        var afterIntegrity = false;
        var offset = HeaderLength;
        while (offset < _bytes.Length)
        {
            var found = (StunAttributeType)BinaryPrimitives.ReadUInt16BigEndian(_bytes[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(_bytes[(offset + 2)..]);
            if (found == type && (!afterIntegrity || type is StunAttributeType.MessageIntegrity or StunAttributeType.Fingerprint))
            {
                value = _bytes.Slice(offset + AttributeHeaderLength, length);
                attributeOffset = offset;
                return true;
            }

            afterIntegrity |= found == StunAttributeType.MessageIntegrity;
            offset += AttributeHeaderLength + Padded(length);
        }

        value = default;
        attributeOffset = -1;
        return false;
    }
}
