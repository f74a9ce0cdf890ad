using Switchboard.Media.Codecs;

namespace Switchboard.Media.Tests.Codecs;

public class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(8, 0xFE)]
    [InlineData(-8, 0x7E)]
    [InlineData(32124, 0x80)]
    [InlineData(32767, 0x80)]
    [InlineData(-32124, 0x00)]
    [InlineData(-32768, 0x00)]
    public void Mu_law_encodes_known_values(short sample, byte code) =>
        Assert.Equal(code, G711.LinearToMuLaw(sample));

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0xEF, 132)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    public void Mu_law_decodes_known_values(byte code, short sample) =>
        Assert.Equal(sample, G711.MuLawToLinear(code));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(16, 0xD4)]
    [InlineData(32256, 0xAA)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void A_law_encodes_known_values(short sample, byte code) =>
        Assert.Equal(code, G711.LinearToALaw(sample));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xD4, 24)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void A_law_decodes_known_values(byte code, short sample) =>
        Assert.Equal(sample, G711.ALawToLinear(code));

    [Fact]
    public void Every_mu_law_code_but_negative_zero_decodes_and_encodes_to_itself()
    {
        for (var code = 0; code < 256; code++)
        {
            // 0x7F is "-0": it decodes to 0, which encodes as the ordinary zero 0xFF.
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, G711.LinearToMuLaw(G711.MuLawToLinear((byte)code)));
        }
    }

    [Fact]
    public void Every_A_law_code_decodes_and_encodes_to_itself()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.LinearToALaw(G711.ALawToLinear((byte)code)));
        }
    }

    [Fact]
    public void Mu_law_round_trip_error_stays_within_half_a_step_for_every_sample()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var decoded = G711.MuLawToLinear(G711.LinearToMuLaw((short)sample));

            // A step is 1/16 of its segment's lower bound (bias included); the top is clipped at 32635.
            var bound = (Math.Abs(sample) + 132) / 32.0;
            Assert.True(Math.Abs(decoded - sample) <= bound, $"{sample} came back as {decoded}");
        }
    }

    [Fact]
    public void A_law_round_trip_error_stays_within_half_a_step_for_every_sample()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var decoded = G711.ALawToLinear(G711.LinearToALaw((short)sample));

            var bound = Math.Max(8, Math.Abs(sample) / 32.0);
            Assert.True(Math.Abs(decoded - sample) <= bound, $"{sample} came back as {decoded}");
        }
    }

    [Fact]
    public void Louder_input_never_decodes_quieter()
    {
        short previousMuLaw = short.MinValue, previousALaw = short.MinValue;
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var muLaw = G711.MuLawToLinear(G711.LinearToMuLaw((short)sample));
            var aLaw = G711.ALawToLinear(G711.LinearToALaw((short)sample));
            Assert.True(muLaw >= previousMuLaw && aLaw >= previousALaw, $"not monotonic at {sample}");
            previousMuLaw = muLaw;
            previousALaw = aLaw;
        }
    }

    [Fact]
    public void Span_encoding_and_decoding_match_the_single_sample_functions()
    {
        short[] samples = [0, 1, -1, 100, -100, 5000, -5000, short.MaxValue, short.MinValue];
        var muLaw = new byte[samples.Length];
        var aLaw = new byte[samples.Length];
        var decodedMuLaw = new short[samples.Length];
        var decodedALaw = new short[samples.Length];

        G711.EncodeMuLaw(samples, muLaw);
        G711.EncodeALaw(samples, aLaw);
        G711.DecodeMuLaw(muLaw, decodedMuLaw);
        G711.DecodeALaw(aLaw, decodedALaw);

        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(G711.LinearToMuLaw(samples[i]), muLaw[i]);
            Assert.Equal(G711.LinearToALaw(samples[i]), aLaw[i]);
            Assert.Equal(G711.MuLawToLinear(muLaw[i]), decodedMuLaw[i]);
            Assert.Equal(G711.ALawToLinear(aLaw[i]), decodedALaw[i]);
        }
    }

    [Fact]
    public void Encoding_into_a_too_small_buffer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => G711.EncodeMuLaw(new short[160], new byte[159]));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711.DecodeALaw(new byte[160], new short[80]));
    }

    [Fact]
    public void Silence_survives_transcoding_both_ways()
    {
        Assert.Equal(0xD5, G711.MuLawToALaw(0xFF));

        // A-law has no zero: its quietest codes (±8) land on µ-law's ±8, not on a louder code.
        Assert.Equal(8, G711.MuLawToLinear(G711.ALawToMuLaw(0xD5)));
        Assert.Equal(-8, G711.MuLawToLinear(G711.ALawToMuLaw(0x55)));
    }

    [Fact]
    public void Transcoding_keeps_every_code_within_one_A_law_step_of_its_sound()
    {
        for (var code = 0; code < 256; code++)
        {
            var original = G711.MuLawToLinear((byte)code);
            var viaALaw = G711.ALawToLinear(G711.MuLawToALaw((byte)code));
            Assert.True(Math.Abs(viaALaw - original) <= Math.Max(8, Math.Abs(original) / 32.0), $"µ-law 0x{code:X2}");

            var back = G711.MuLawToLinear(G711.ALawToMuLaw(G711.MuLawToALaw((byte)code)));
            Assert.True(Math.Abs(back - original) <= Math.Max(16, Math.Abs(original) / 16.0), $"µ-law 0x{code:X2} and back");
        }
    }

    [Fact]
    public void Span_transcoding_matches_the_single_code_functions()
    {
        var all = Enumerable.Range(0, 256).Select(code => (byte)code).ToArray();
        var toALaw = new byte[256];
        var toMuLaw = new byte[256];

        G711.MuLawToALaw(all, toALaw);
        G711.ALawToMuLaw(all, toMuLaw);

        Assert.Equal(all.Select(code => G711.MuLawToALaw(code)), toALaw);
        Assert.Equal(all.Select(code => G711.ALawToMuLaw(code)), toMuLaw);
    }
}
