using System.Buffers.Binary;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// A memory BIO hands out DTLS records back to back, without the datagram boundaries OpenSSL meant.
/// This cuts them at record boundaries (13-byte header, length in its last two bytes) and packs whole
/// records into datagrams of at most the MTU, which DTLS allows (RFC 6347 §4.1.1).
/// </summary>
public static class DtlsDatagramPacker
{
    private const int RecordHeaderLength = 13;

    /// <summary>Each datagram's range in <paramref name="records"/>, in order.</summary>
    public static List<Range> Pack(ReadOnlySpan<byte> records, int maximumDatagramLength)
    {
        var datagrams = new List<Range>();
        var start = 0;
        var end = 0;
        while (end < records.Length)
        {
            var recordLength = records.Length - end >= RecordHeaderLength
                ? RecordHeaderLength + BinaryPrimitives.ReadUInt16BigEndian(records[(end + RecordHeaderLength - 2)..])
                : records.Length - end;
            recordLength = Math.Min(recordLength, records.Length - end);
            if (end > start && end + recordLength - start > maximumDatagramLength)
            {
                datagrams.Add(start..end);
                start = end;
            }

            end += recordLength;
        }

        if (end > start)
        {
            datagrams.Add(start..end);
        }

        return datagrams;
    }
}
