using System.Buffers.Binary;

namespace Switchboard.Server.Tests.Sounds;

/// <summary>Builds PCM WAV files to upload and reads back the format of what the server stored.</summary>
public static class TestWav
{
    /// <summary>A 16-bit PCM WAV of a 440 Hz tone.</summary>
    public static byte[] Tone(int sampleRate, int channels, TimeSpan duration)
    {
        var frames = (int)(sampleRate * duration.TotalSeconds);
        var dataLength = frames * channels * 2;
        var wav = new byte[44 + dataLength];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataLength);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataLength);
        for (var frame = 0; frame < frames; frame++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * frame / sampleRate));
            for (var channel = 0; channel < channels; channel++)
                BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (((frame * channels) + channel) * 2))..], sample);
        }

        return wav;
    }

    /// <summary>Sample rate, channels, bits per sample and the number of frames of a PCM WAV file.</summary>
    public static (int SampleRate, int Channels, int BitsPerSample, int Frames) FormatOf(byte[] wav)
    {
        Assert.True(wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) && wav.AsSpan(8, 4).SequenceEqual("WAVE"u8), "Not a RIFF WAVE file.");
        int sampleRate = 0, channels = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.AsSpan(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 4));
            var body = wav.AsSpan(offset + 8);
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
            }
            else if (id.SequenceEqual("data"u8))
                return (sampleRate, channels, bits, size / (channels * bits / 8));

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException("The WAV file has no data chunk.");
    }
}
