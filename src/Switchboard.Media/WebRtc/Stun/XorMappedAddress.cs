using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.WebRtc.Stun;

/// <summary>
/// The XOR-MAPPED-ADDRESS value (RFC 8489 §14.2): family, port and address XORed with the magic cookie
/// (and, for IPv6, the transaction id) so that middleboxes rewriting addresses in payloads leave it alone.
/// </summary>
internal static class XorMappedAddress
{
    private const byte FamilyIPv4 = 0x01;
    private const byte FamilyIPv6 = 0x02;

    public static int LengthOf(IPEndPoint endPoint) => Canonical(endPoint.Address).AddressFamily == AddressFamily.InterNetwork ? 8 : 20;

    public static void Write(Span<byte> value, IPEndPoint endPoint, ReadOnlySpan<byte> transactionId)
    {
        var address = Canonical(endPoint.Address);
        value[0] = 0;
        value[1] = address.AddressFamily == AddressFamily.InterNetwork ? FamilyIPv4 : FamilyIPv6;
        BinaryPrimitives.WriteUInt16BigEndian(value[2..], (ushort)(endPoint.Port ^ (StunMessage.MagicCookie >> 16)));
        var bytes = value[4..];
        address.TryWriteBytes(bytes, out _);
        Xor(bytes, transactionId);
    }

    public static bool TryRead(ReadOnlySpan<byte> value, ReadOnlySpan<byte> transactionId, out IPEndPoint endPoint)
    {
        endPoint = null!;
        var length = value.Length >= 4 ? value[1] switch
        {
            FamilyIPv4 => 4,
            FamilyIPv6 => 16,
            _ => -1,
        } : -1;
        if (length < 0 || value.Length != 4 + length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[length];
        value[4..].CopyTo(bytes);
        Xor(bytes, transactionId);
        var port = BinaryPrimitives.ReadUInt16BigEndian(value[2..]) ^ (int)(StunMessage.MagicCookie >> 16);
        endPoint = new IPEndPoint(new IPAddress(bytes), port);
        return true;
    }

    /// <summary>A peer on an IPv4-mapped IPv6 address (a dual-mode socket) is the IPv4 peer it stands for.</summary>
    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static void Xor(Span<byte> address, ReadOnlySpan<byte> transactionId)
    {
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunMessage.MagicCookie);
        transactionId.CopyTo(mask[4..]);
        for (var i = 0; i < address.Length; i++)
        {
            address[i] ^= mask[i];
        }
    }
}
