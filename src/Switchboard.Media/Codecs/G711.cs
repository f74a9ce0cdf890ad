using System.Numerics;

namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 companding between 16-bit linear PCM and 8-bit PCMU (µ-law, RTP payload type 0)
/// and PCMA (A-law, payload type 8). Linear values are on the 16-bit scale: µ-law carries 14 bits
/// of it and A-law 13, so the low bits are dropped on encoding.
/// </summary>
public static class G711
{
    // µ-law adds this bias (33 on the 14-bit scale) so that every segment starts at a power of two.
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    // A-law inverts every even bit of the code (and µ-law every bit) so that idle lines carry ones.
    private const int ALawEvenBits = 0x55;

    private static readonly short[] MuLawDecoding = BuildDecoding(DecodeMuLawByArithmetic);
    private static readonly short[] ALawDecoding = BuildDecoding(DecodeALawByArithmetic);
    // Transcoding maps each code through its decoded linear value to the nearest code of the other law.
    private static readonly byte[] MuLawToALawTable = BuildTranscoding(MuLawDecoding, LinearToALaw);
    private static readonly byte[] ALawToMuLawTable = BuildTranscoding(ALawDecoding, LinearToMuLaw);

    public static byte LinearToMuLaw(short sample)
    {
        // Negative values are folded onto the positive ones by one's complement (-1 → 0), as in the
        // ITU-T G.191 reference coder, so that both signs share the same decision values.
        int magnitude = sample;
        var sign = 0;
        if (magnitude < 0)
        {
            magnitude = ~magnitude;
            sign = 0x80;
        }

        magnitude = Math.Min(magnitude, MuLawClip) + MuLawBias;
        var segment = Segment(magnitude >> 7);
        var mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | mantissa);
    }

    public static short MuLawToLinear(byte code) => MuLawDecoding[code];

    public static byte LinearToALaw(short sample)
    {
        // A-law works on 13 bits; negative values are folded by one's complement as for µ-law.
        var value = sample >> 3;
        var sign = 0x80;
        if (value < 0)
        {
            value = -value - 1;
            sign = 0;
        }

        // Segments 0 and 1 share one step size, so both take their mantissa from bits 1..4.
        var segment = Segment(value >> 4);
        var mantissa = (value >> Math.Max(segment, 1)) & 0x0F;

        return (byte)((sign | (segment << 4) | mantissa) ^ ALawEvenBits);
    }

    public static short ALawToLinear(byte code) => ALawDecoding[code];

    public static byte MuLawToALaw(byte code) => MuLawToALawTable[code];

    public static byte ALawToMuLaw(byte code) => ALawToMuLawTable[code];

    /// <summary>Encodes <paramref name="samples"/> into as many µ-law bytes in <paramref name="destination"/>.</summary>
    public static void EncodeMuLaw(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, samples.Length, nameof(destination));
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = LinearToMuLaw(samples[i]);
        }
    }

    /// <summary>Decodes µ-law <paramref name="codes"/> into as many samples in <paramref name="destination"/>.</summary>
    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> destination) =>
        Lookup(codes, destination, MuLawDecoding);

    /// <summary>Encodes <paramref name="samples"/> into as many A-law bytes in <paramref name="destination"/>.</summary>
    public static void EncodeALaw(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, samples.Length, nameof(destination));
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = LinearToALaw(samples[i]);
        }
    }

    /// <summary>Decodes A-law <paramref name="codes"/> into as many samples in <paramref name="destination"/>.</summary>
    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> destination) =>
        Lookup(codes, destination, ALawDecoding);

    /// <summary>
    /// Converts a PCMU payload to PCMA, for bridging a leg that took µ-law to one that took A-law
    /// without going through linear samples.
    /// </summary>
    public static void MuLawToALaw(ReadOnlySpan<byte> codes, Span<byte> destination) =>
        Lookup(codes, destination, MuLawToALawTable);

    /// <summary>Converts a PCMA payload to PCMU.</summary>
    public static void ALawToMuLaw(ReadOnlySpan<byte> codes, Span<byte> destination) =>
        Lookup(codes, destination, ALawToMuLawTable);

    private static void Lookup<T>(ReadOnlySpan<byte> codes, Span<T> destination, T[] table)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, codes.Length, nameof(destination));
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }
    }

    /// <summary>The segment (chord) of a magnitude already shifted so that segment 0 maps to 0 or 1.</summary>
    private static int Segment(int scaled) => BitOperations.Log2((uint)scaled);

    private static short DecodeMuLawByArithmetic(byte code)
    {
        var inverted = ~code;
        var segment = (inverted >> 4) & 0x07;
        var magnitude = (((inverted & 0x0F) << 3) + MuLawBias) << segment;

        // The decoded value is the middle of the code's interval; the bias comes off again.
        return (short)((inverted & 0x80) != 0 ? MuLawBias - magnitude : magnitude - MuLawBias);
    }

    private static short DecodeALawByArithmetic(byte code)
    {
        var folded = code ^ ALawEvenBits;
        var segment = (folded >> 4) & 0x07;
        var magnitude = (folded & 0x0F) << 4;
        magnitude = segment == 0 ? magnitude + 8 : (magnitude + 0x108) << (segment - 1);
        return (short)((folded & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short[] BuildDecoding(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = decode((byte)code);
        }

        return table;
    }

    private static byte[] BuildTranscoding(short[] decoding, Func<short, byte> encode)
    {
        var table = new byte[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = encode(decoding[code]);
        }

        return table;
    }
}
