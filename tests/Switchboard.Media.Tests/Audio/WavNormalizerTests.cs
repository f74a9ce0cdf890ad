using Switchboard.Media.Audio;
using Switchboard.Media.Tests.TestAudio;
using static Switchboard.Media.Tests.TestAudio.RiffBuilder;

namespace Switchboard.Media.Tests.Audio;

public class WavNormalizerTests
{
    [Fact]
    public void Sixteen_kHz_stereo_becomes_8_kHz_mono_of_the_same_duration()
    {
        var tone = Signal.Tone(440, 8000, 16000, 24000);
        var upload = Pcm16Wav(16000, 2, Signal.Interleave(tone, tone));

        Assert.True(WavNormalizer.TryNormalize(upload, out var sound, out var error), error);

        Assert.Equal(TimeSpan.FromSeconds(1.5), sound.Duration);
        Assert.True(WavFile.TryRead(sound.Wav, out var content, out _));
        Assert.Equal(new WavFormat(WavFormatCode.Pcm, 1, 8000, 16, 2), content.Format);
        Assert.Equal(12000, content.Samples.Length / 2);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void One_kHz_tone_stays_at_1_kHz_and_keeps_its_level_when_downsampled()
    {
        var tone = Signal.Tone(1000, 10000, 16000, 32000);

        var output = Normalize(Pcm16Wav(16000, 2, Signal.Interleave(tone, tone)));

        var middleSecond = output.AsSpan(4000, 8000);
        Assert.InRange(Signal.ZeroCrossings(middleSecond), 1998, 2000);
        Assert.InRange(Signal.Decibels(Signal.AmplitudeAt(middleSecond, 1000, 8000), 10000), -0.5, 0.5);
    }

    [Fact]
    public void Tone_at_the_top_of_the_telephone_band_passes_within_1_dB()
    {
        var tone = Signal.Tone(3000, 10000, 16000, 32000);

        var output = Normalize(Pcm16Wav(16000, 1, tone));

        Assert.InRange(Signal.Decibels(Signal.AmplitudeAt(output.AsSpan(4000, 8000), 3000, 8000), 10000), -1, 1);
    }

    [Fact]
    public void Six_kHz_tone_is_attenuated_by_more_than_30_dB_instead_of_folding_to_2_kHz()
    {
        var tone = Signal.Tone(6000, 10000, 16000, 32000);

        var output = Normalize(Pcm16Wav(16000, 1, tone));

        var middle = output.AsSpan(4000, 8000);
        Assert.True(Signal.Decibels(Signal.Rms(middle), Signal.Rms(tone)) < -30);
        Assert.True(Signal.Decibels(Signal.AmplitudeAt(middle, 2000, 8000), 10000) < -30);
    }

    [Fact]
    public void Stereo_channels_are_averaged()
    {
        var left = Enumerable.Repeat((short)1000, 80).ToArray();
        var right = Enumerable.Repeat((short)3000, 80).ToArray();

        var output = Normalize(Pcm16Wav(8000, 2, Signal.Interleave(left, right)));

        Assert.All(output, sample => Assert.Equal(2000, sample));
    }

    [Fact]
    public void Eight_bit_unsigned_samples_are_widened_to_16_bits()
    {
        var upload = Riff(Chunk("fmt ", Format(1, 1, 8000, 8)), Chunk("data", [128, 255, 0, 192]));

        var output = Normalize(upload);

        Assert.Equal(new short[] { 0, 32512, -32768, 16384 }, output);
    }

    [Fact]
    public void Sound_already_at_8_kHz_mono_16_bit_comes_back_unchanged()
    {
        var greeting = ToneSynthesizer.CreateGreeting();

        Assert.True(WavNormalizer.TryNormalize(greeting, out var sound, out _));

        Assert.Equal(greeting, sound.Wav);
        Assert.Equal(TimeSpan.FromSeconds(4), sound.Duration);
    }

    [Fact]
    public void Extensible_16_kHz_upload_is_accepted()
    {
        var format = Concat(
            Format(WavFormatCode.Extensible, 1, 16000, 16),
            [0x16, 0x00, 0x10, 0x00, 0x04, 0x00, 0x00, 0x00],
            [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);
        var upload = Riff(Chunk("fmt ", format), Chunk("data", Pcm16(Signal.Tone(500, 5000, 16000, 1600))));

        Assert.True(WavNormalizer.TryNormalize(upload, out var sound, out var error), error);

        Assert.Equal(TimeSpan.FromSeconds(0.1), sound.Duration);
    }

    [Fact]
    public void Ten_minutes_exactly_is_accepted()
    {
        var upload = Pcm16Wav(8000, 1, new short[8000 * 600]);

        Assert.True(WavNormalizer.TryNormalize(upload, out var sound, out _));

        Assert.Equal(TimeSpan.FromMinutes(10), sound.Duration);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0xFF, 0xFB, 0x90, 0x64 })]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x04, 0x00, 0x00, 0x00, 0x41, 0x56, 0x49, 0x20 })]
    public void Something_else_than_a_WAV_file_is_refused(byte[] upload) =>
        AssertRefused(upload, "not a WAV file");

    [Fact]
    public void MP3_inside_a_WAV_container_is_refused_as_compressed() =>
        AssertRefused(
            Riff(Chunk("fmt ", Format(WavFormatCode.Mp3, 1, 8000, 0)), Chunk("data", new byte[100])),
            "compressed WAV (format 0x55 MP3) is not supported; upload PCM");

    [Fact]
    public void Unregistered_compression_is_refused_with_its_code() =>
        AssertRefused(
            Riff(Chunk("fmt ", Format(0x1234, 1, 8000, 8)), Chunk("data", new byte[100])),
            "compressed WAV (format 0x1234) is not supported; upload PCM");

    [Fact]
    public void Floating_point_samples_in_an_extensible_file_are_refused()
    {
        var format = Concat(
            Format(WavFormatCode.Extensible, 1, 8000, 32),
            [0x16, 0x00, 0x20, 0x00, 0x04, 0x00, 0x00, 0x00],
            [0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);

        AssertRefused(
            Riff(Chunk("fmt ", format), Chunk("data", new byte[400])),
            "floating-point WAV (format 0x03 IEEE float) is not supported; upload PCM");
    }

    [Fact]
    public void CD_quality_sample_rate_is_refused() =>
        AssertRefused(Pcm16Wav(44100, 2, new short[882]), "44100 Hz is not supported; use 8000 or 16000 Hz");

    [Fact]
    public void Twenty_four_bit_samples_are_refused() =>
        AssertRefused(
            Riff(Chunk("fmt ", Format(1, 1, 16000, 24)), Chunk("data", new byte[300])),
            "24-bit samples are not supported; upload 16-bit PCM");

    [Fact]
    public void Surround_sound_is_refused() =>
        AssertRefused(Pcm16Wav(16000, 6, new short[600]), "more than 2 channels (6) are not supported; upload mono or stereo");

    [Fact]
    public void Data_chunk_cut_short_is_refused_as_truncated()
    {
        var whole = Pcm16Wav(8000, 1, new short[800]);

        AssertRefused(whole[..900], "file is truncated");
    }

    [Fact]
    public void File_that_ends_before_its_data_chunk_is_refused_as_truncated() =>
        AssertRefused(Riff(Chunk("fmt ", Format(1, 1, 8000, 16))), "file is truncated (it has no audio data chunk)");

    [Fact]
    public void File_without_a_format_chunk_is_refused() =>
        AssertRefused(Riff(Chunk("data", new byte[100])), "not a WAV file (it has no format chunk)");

    [Fact]
    public void Damaged_format_chunk_is_refused() =>
        AssertRefused(
            Riff(Chunk("fmt ", Format(1, 0, 8000, 16)), Chunk("data", new byte[100])),
            "not a valid WAV file (its format chunk is damaged)");

    [Fact]
    public void Frame_size_that_contradicts_the_format_is_refused()
    {
        var format = Format(1, 2, 8000, 16);
        format[12] = 2; // block align of a mono file in a stereo one

        AssertRefused(
            Riff(Chunk("fmt ", format), Chunk("data", new byte[100])),
            "not a valid WAV file (its frame size does not match its format)");
    }

    [Fact]
    public void Empty_data_chunk_is_refused_as_no_audio() =>
        AssertRefused(Pcm16Wav(8000, 1, []), "no audio (0 samples)");

    [Fact]
    public void Sound_longer_than_ten_minutes_is_refused() =>
        AssertRefused(Pcm16Wav(8000, 1, new short[8000 * 630]), "longer than 10 minutes (10:30); upload a shorter sound");

    [Fact]
    public void No_prefix_or_corruption_of_a_valid_file_makes_it_throw()
    {
        var tone = Signal.Tone(1000, 8000, 16000, 64);
        var valid = Riff(
            Chunk("LIST", [.. "INFOISFT"u8, 0x03, 0x00, 0x00, 0x00, .. "sb\0"u8]),
            Chunk("fmt ", Format(1, 2, 16000, 16)),
            Chunk("data", Pcm16(Signal.Interleave(tone, tone))));
        var random = new Random(20261121);

        for (var length = 0; length < valid.Length; length++)
        {
            AssertAnswered(valid[..length]);
        }

        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var corrupt = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }

            AssertAnswered(corrupt);
        }
    }

    private static short[] Normalize(byte[] upload)
    {
        Assert.True(WavNormalizer.TryNormalize(upload, out var sound, out var error), error);
        return Signal.ReadMono16(sound.Wav);
    }

    private static void AssertRefused(byte[] upload, string reason)
    {
        Assert.False(WavNormalizer.TryNormalize(upload, out var sound, out var error));

        Assert.Equal(reason, error);
        Assert.Null(sound);
    }

    private static void AssertAnswered(byte[] upload)
    {
        var accepted = WavNormalizer.TryNormalize(upload, out var sound, out var error);

        Assert.Equal(accepted, sound is not null);
        Assert.Equal(accepted, error.Length == 0);
    }
}
