using System.Buffers.Binary;
using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.Tests.WebRtc.Dtls;

public class DtlsDatagramPackerTests
{
    [Fact]
    public void Whole_records_share_a_datagram_while_they_fit_the_mtu()
    {
        var records = Records(487, 487, 487); // 500 bytes each with their headers

        var datagrams = DtlsDatagramPacker.Pack(records, 1200);

        Assert.Equal([0..1000, 1000..1500], datagrams);
    }

    [Fact]
    public void Record_larger_than_the_mtu_travels_alone()
    {
        var records = Records(100, 1300, 100);

        var datagrams = DtlsDatagramPacker.Pack(records, 1200);

        Assert.Equal([0..113, 113..1426, 1426..1539], datagrams);
    }

    [Fact]
    public void Nothing_to_send_makes_no_datagram() => Assert.Empty(DtlsDatagramPacker.Pack([], 1200));

    /// <summary>DTLS handshake records (content type 22, DTLS 1.2) with these payload lengths, back to back.</summary>
    private static byte[] Records(params int[] payloadLengths)
    {
        var bytes = new List<byte>();
        foreach (var length in payloadLengths)
        {
            var record = new byte[13 + length];
            record[0] = 22;
            record[1] = 0xFE;
            record[2] = 0xFD;
            BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(11), (ushort)length);
            bytes.AddRange(record);
        }

        return [.. bytes];
    }
}
