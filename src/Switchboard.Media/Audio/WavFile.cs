using System.Buffers.Binary;

namespace Switchboard.Media.Audio;

/// <summary>Reads RIFF/WAVE files and writes 16-bit PCM mono ones.</summary>
public static class WavFile
{
    /// <summary>Size of the canonical header that <see cref="WritePcm16Mono"/> writes before the samples.</summary>
    public const int Pcm16MonoHeaderSize = 44;

    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;
    private const int PlainFormatSize = 16;
    private const int ExtensibleFormatSize = 40;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are xxxxxxxx-0000-0010-8000-00AA00389B71 with the format code in
    // the first field; these are the remaining 12 bytes as the GUID is laid out in the file.
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>
    /// Finds the "fmt " and "data" chunks, in whichever order they come, skipping any other chunk
    /// (LIST, fact, cue…) and the pad byte after odd-sized chunks. Never throws on malformed input.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> file, out WavContent content, out WavReadError error)
    {
        content = default;
        if (file.Length < RiffHeaderSize || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            error = WavReadError.NotWav;
            return false;
        }

        // The RIFF size itself is not trusted: streaming writers leave it 0 or wrong, and the chunk
        // sizes say all that is needed.
        WavFormat? format = null;
        var samples = ReadOnlySpan<byte>.Empty;
        var haveSamples = false;
        long position = RiffHeaderSize;
        while (format is null || !haveSamples)
        {
            var remaining = file.Length - position;
            if (remaining < ChunkHeaderSize)
            {
                error = remaining > 0 ? WavReadError.Truncated
                    : format is null ? WavReadError.MissingFormat
                    : WavReadError.MissingData;
                return false;
            }

            var header = file.Slice((int)position, ChunkHeaderSize);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            position += ChunkHeaderSize;
            if (size > file.Length - position)
            {
                error = WavReadError.Truncated;
                return false;
            }

            var body = file.Slice((int)position, (int)size);
            if (header[..4].SequenceEqual("fmt "u8) && format is null)
            {
                if (!TryParseFormat(body, out var parsed))
                {
                    error = WavReadError.InvalidFormat;
                    return false;
                }

                format = parsed;
            }
            else if (header[..4].SequenceEqual("data"u8) && !haveSamples)
            {
                samples = body;
                haveSamples = true;
            }

            // RIFF pads odd-sized chunks to an even length; the pad byte may be missing at the very end.
            position += size + (size & 1);
        }

        content = new WavContent(format.Value, samples);
        error = WavReadError.None;
        return true;
    }

    /// <summary>Writes a canonical 44-byte-header WAV holding 16-bit PCM mono samples.</summary>
    public static byte[] WritePcm16Mono(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var dataSize = checked(samples.Length * sizeof(short));
        var file = new byte[checked(Pcm16MonoHeaderSize + dataSize)];
        var span = file.AsSpan();

        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(file.Length - ChunkHeaderSize));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], PlainFormatSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], WavFormatCode.Pcm);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * sizeof(short)));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], sizeof(short));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataSize);

        var data = span[Pcm16MonoHeaderSize..];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * sizeof(short))..], samples[i]);
        }

        return file;
    }

    private static bool TryParseFormat(ReadOnlySpan<byte> body, out WavFormat format)
    {
        format = default;
        if (body.Length < PlainFormatSize)
        {
            return false;
        }

        int formatCode = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        if (channels == 0 || sampleRate == 0 || sampleRate > int.MaxValue)
        {
            return false;
        }

        if (formatCode == WavFormatCode.Extensible)
        {
            if (body.Length < ExtensibleFormatSize)
            {
                return false;
            }

            // Layout after the plain part: cbSize, wValidBitsPerSample, dwChannelMask, SubFormat GUID.
            var subFormat = body.Slice(24, 16);
            var subFormatCode = BinaryPrimitives.ReadUInt32LittleEndian(subFormat);
            if (subFormat[4..].SequenceEqual(SubFormatGuidTail) && subFormatCode <= ushort.MaxValue)
            {
                formatCode = (int)subFormatCode;
            }
        }

        format = new WavFormat(formatCode, channels, (int)sampleRate, bitsPerSample, blockAlign);
        return true;
    }
}
