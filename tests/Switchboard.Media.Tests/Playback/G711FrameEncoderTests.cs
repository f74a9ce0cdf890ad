using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestAudio;

namespace Switchboard.Media.Tests.Playback;

public class G711FrameEncoderTests
{
    [Theory]
    [InlineData(AudioEncoding.Pcmu)]
    [InlineData(AudioEncoding.Pcma)]
    public void Samples_from_a_WAV_encode_as_G711_would_encode_them(AudioEncoding encoding)
    {
        var samples = Signal.Tone(700, 20000, 8000, 160);
        var expected = new byte[160];
        if (encoding == AudioEncoding.Pcmu)
        {
            G711.EncodeMuLaw(samples, expected);
        }
        else
        {
            G711.EncodeALaw(samples, expected);
        }

        var frame = new byte[160];
        G711FrameEncoder.Encode(RiffBuilder.Pcm16(samples), encoding, frame);

        Assert.Equal(expected, frame);
    }

    [Fact]
    public void Last_short_frame_is_filled_up_with_silence()
    {
        var frame = new byte[160];

        G711FrameEncoder.Encode(RiffBuilder.Pcm16([1000, -1000]), AudioEncoding.Pcmu, frame);

        Assert.Equal([G711.LinearToMuLaw(1000), G711.LinearToMuLaw(-1000)], frame[..2]);
        Assert.All(frame[2..], code => Assert.Equal(0, G711.MuLawToLinear(code)));
    }
}
