namespace Switchboard.Media.WebRtc.Stun;

/// <summary>
/// CRC-32 of ISO 3309 / ITU-T V.42 (reflected polynomial 0xEDB88320), which the FINGERPRINT attribute
/// uses (RFC 8489 §14.7); System.IO.Hashing would bring a package for these few lines.
/// </summary>
internal static class StunCrc32
{
    private static readonly uint[] Table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc = Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
