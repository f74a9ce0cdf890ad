using Switchboard.Media.Audio;
using Switchboard.Media.Tests.TestAudio;
using static Switchboard.Media.Tests.TestAudio.RiffBuilder;

namespace Switchboard.Media.Tests.Audio;

public class WavFileTests
{
    // Two 16-bit frames: 1, -1.
    private static readonly byte[] TwoSamples = [0x01, 0x00, 0xFF, 0xFF];

    [Fact]
    public void Plain_PCM_file_gives_its_format_and_samples()
    {
        byte[] file =
        [
            .. "RIFF"u8, 0x28, 0x00, 0x00, 0x00, .. "WAVE"u8,
            .. "fmt "u8, 0x10, 0x00, 0x00, 0x00,
            0x01, 0x00, // PCM
            0x01, 0x00, // mono
            0x40, 0x1F, 0x00, 0x00, // 8000 Hz
            0x80, 0x3E, 0x00, 0x00, // 16000 bytes per second
            0x02, 0x00, // block align
            0x10, 0x00, // 16 bits
            .. "data"u8, 0x04, 0x00, 0x00, 0x00, .. TwoSamples,
        ];

        Assert.True(WavFile.TryRead(file, out var content, out var error));

        Assert.Equal(WavReadError.None, error);
        Assert.Equal(new WavFormat(WavFormatCode.Pcm, 1, 8000, 16, 2), content.Format);
        Assert.Equal(TwoSamples, content.Samples.ToArray());
    }

    [Fact]
    public void Extensible_file_with_PCM_subformat_reads_as_PCM()
    {
        byte[] file =
        [
            .. "RIFF"u8, 0x40, 0x00, 0x00, 0x00, .. "WAVE"u8,
            .. "fmt "u8, 0x28, 0x00, 0x00, 0x00,
            0xFE, 0xFF, // WAVE_FORMAT_EXTENSIBLE
            0x02, 0x00, // stereo
            0x80, 0x3E, 0x00, 0x00, // 16000 Hz
            0x00, 0xFA, 0x00, 0x00, // 64000 bytes per second
            0x04, 0x00, // block align
            0x10, 0x00, // 16 bits
            0x16, 0x00, // cbSize 22
            0x10, 0x00, // 16 valid bits
            0x03, 0x00, 0x00, 0x00, // front left, front right
            // KSDATAFORMAT_SUBTYPE_PCM 00000001-0000-0010-8000-00AA00389B71
            0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
            .. "data"u8, 0x04, 0x00, 0x00, 0x00, .. TwoSamples,
        ];

        Assert.True(WavFile.TryRead(file, out var content, out _));

        Assert.Equal(new WavFormat(WavFormatCode.Pcm, 2, 16000, 16, 4), content.Format);
        Assert.Equal(TwoSamples, content.Samples.ToArray());
    }

    [Fact]
    public void Extensible_file_with_an_unknown_subformat_keeps_the_extensible_code()
    {
        var format = Concat(
            Format(WavFormatCode.Extensible, 1, 8000, 16),
            [0x16, 0x00, 0x10, 0x00, 0x04, 0x00, 0x00, 0x00],
            [0x47, 0xE1, 0x2B, 0x6D, 0x3A, 0x44, 0x1F, 0x4C, 0x9E, 0x05, 0x6B, 0x1D, 0x72, 0x3E, 0x00, 0x11]);
        var file = Riff(Chunk("fmt ", format), Chunk("data", TwoSamples));

        Assert.True(WavFile.TryRead(file, out var content, out _));

        Assert.Equal(WavFormatCode.Extensible, content.Format.FormatCode);
    }

    [Fact]
    public void LIST_chunk_between_format_and_data_is_skipped()
    {
        var list = Chunk("LIST", [.. "INFOINAM"u8, 0x06, 0x00, 0x00, 0x00, .. "Hello\0"u8]);
        var file = Riff(Chunk("fmt ", Format(1, 1, 8000, 16)), list, Chunk("data", TwoSamples));

        Assert.True(WavFile.TryRead(file, out var content, out _));

        Assert.Equal(TwoSamples, content.Samples.ToArray());
    }

    [Fact]
    public void Data_before_format_is_found_all_the_same()
    {
        var file = Riff(Chunk("data", TwoSamples), Chunk("fmt ", Format(1, 1, 16000, 16)));

        Assert.True(WavFile.TryRead(file, out var content, out _));

        Assert.Equal(16000, content.Format.SampleRate);
        Assert.Equal(TwoSamples, content.Samples.ToArray());
    }

    [Fact]
    public void Odd_sized_chunk_is_followed_by_its_pad_byte()
    {
        // "junk" holds 3 bytes and a pad byte; reading the pad as the next chunk id would find "\0dat".
        byte[] file =
        [
            .. "RIFF"u8, 0x33, 0x00, 0x00, 0x00, .. "WAVE"u8,
            .. "junk"u8, 0x03, 0x00, 0x00, 0x00, 0xAA, 0xBB, 0xCC, 0x00,
            .. Chunk("fmt ", Format(1, 1, 8000, 8)),
            // The last pad byte is missing, as some writers leave it.
            .. "data"u8, 0x03, 0x00, 0x00, 0x00, 0x80, 0x81, 0x82,
        ];

        Assert.True(WavFile.TryRead(file, out var content, out _));

        Assert.Equal(8, content.Format.BitsPerSample);
        Assert.Equal(new byte[] { 0x80, 0x81, 0x82 }, content.Samples.ToArray());
    }

    [Fact]
    public void Chunk_longer_than_the_file_is_truncation()
    {
        var file = Concat(Riff(Chunk("fmt ", Format(1, 1, 8000, 16))), ChunkHeader("data", 1000), TwoSamples);

        Assert.False(WavFile.TryRead(file, out _, out var error));

        Assert.Equal(WavReadError.Truncated, error);
    }

    [Fact]
    public void File_without_a_data_chunk_is_missing_its_data()
    {
        var file = Riff(Chunk("fmt ", Format(1, 1, 8000, 16)), Chunk("LIST", [.. "INFO"u8]));

        Assert.False(WavFile.TryRead(file, out _, out var error));

        Assert.Equal(WavReadError.MissingData, error);
    }

    [Fact]
    public void Format_chunk_shorter_than_16_bytes_is_invalid()
    {
        var file = Riff(Chunk("fmt ", Format(1, 1, 8000, 16)[..14]), Chunk("data", TwoSamples));

        Assert.False(WavFile.TryRead(file, out _, out var error));

        Assert.Equal(WavReadError.InvalidFormat, error);
    }

    [Fact]
    public void Bytes_without_a_RIFF_WAVE_header_are_not_a_wav_file()
    {
        Assert.False(WavFile.TryRead("RIFF\x04\0\0\0AVI "u8, out _, out var error));

        Assert.Equal(WavReadError.NotWav, error);
    }

    [Fact]
    public void Written_file_has_the_canonical_44_byte_header()
    {
        var file = WavFile.WritePcm16Mono([1, -1], 8000);

        byte[] expected =
        [
            .. "RIFF"u8, 0x28, 0x00, 0x00, 0x00, .. "WAVE"u8,
            .. "fmt "u8, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
            0x40, 0x1F, 0x00, 0x00, 0x80, 0x3E, 0x00, 0x00, 0x02, 0x00, 0x10, 0x00,
            .. "data"u8, 0x04, 0x00, 0x00, 0x00, .. TwoSamples,
        ];
        Assert.Equal(expected, file);
    }

    [Fact]
    public void Written_file_reads_back_with_the_same_samples()
    {
        short[] samples = [0, 1000, -1000, short.MaxValue, short.MinValue];

        var file = WavFile.WritePcm16Mono(samples, 16000);

        Assert.Equal(samples, Signal.ReadMono16(file));
        Assert.True(WavFile.TryRead(file, out var content, out _));
        Assert.Equal(16000, content.Format.SampleRate);
    }
}
