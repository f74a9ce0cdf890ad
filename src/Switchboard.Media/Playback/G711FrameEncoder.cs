using System.Buffers.Binary;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Playback;

/// <summary>Encodes 16-bit little-endian PCM, as WAV files hold it, straight into a G.711 payload.</summary>
public static class G711FrameEncoder
{
    /// <summary>
    /// Encodes the samples of <paramref name="pcm"/> into the first <c>pcm.Length / 2</c> bytes of
    /// <paramref name="destination"/> and fills the rest of it with silence.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> pcm, AudioEncoding encoding, Span<byte> destination)
    {
        var samples = pcm.Length / sizeof(short);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, samples, nameof(destination));
        if (encoding == AudioEncoding.Pcmu)
        {
            for (var i = 0; i < samples; i++)
            {
                destination[i] = G711.LinearToMuLaw(BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * sizeof(short))..]));
            }
        }
        else
        {
            for (var i = 0; i < samples; i++)
            {
                destination[i] = G711.LinearToALaw(BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * sizeof(short))..]));
            }
        }

        destination[samples..].Fill(Silence(encoding));
    }

    public static byte Silence(AudioEncoding encoding) =>
        encoding == AudioEncoding.Pcmu ? G711.LinearToMuLaw(0) : G711.LinearToALaw(0);
}
