using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Media.Tests.TestAudio;

/// <summary>Assembles WAV files chunk by chunk, including the malformed ones real uploads contain.</summary>
internal static class RiffBuilder
{
    public static byte[] Riff(params byte[][] chunks)
    {
        var body = Concat([Encoding.ASCII.GetBytes("WAVE"), .. chunks]);
        return Concat([Encoding.ASCII.GetBytes("RIFF"), UInt32(body.Length), body]);
    }

    /// <summary>A chunk with its header, plus the pad byte RIFF requires after an odd-sized body.</summary>
    public static byte[] Chunk(string id, byte[] body) =>
        Concat([Encoding.ASCII.GetBytes(id), UInt32(body.Length), body, body.Length % 2 == 1 ? [0] : []]);

    /// <summary>A chunk header that claims <paramref name="declaredSize"/> bytes whatever follows.</summary>
    public static byte[] ChunkHeader(string id, uint declaredSize)
    {
        var header = new byte[8];
        Encoding.ASCII.GetBytes(id).CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), declaredSize);
        return header;
    }

    /// <summary>A 16-byte "fmt " chunk body.</summary>
    public static byte[] Format(int formatCode, int channels, int sampleRate, int bitsPerSample)
    {
        var body = new byte[16];
        var blockAlign = channels * bitsPerSample / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)formatCode);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bitsPerSample);
        return body;
    }

    public static byte[] Pcm16Wav(int sampleRate, int channels, short[] interleaved) =>
        Riff(Chunk("fmt ", Format(1, channels, sampleRate, 16)), Chunk("data", Pcm16(interleaved)));

    public static byte[] Pcm16(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        return bytes;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    private static byte[] UInt32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
        return bytes;
    }
}
