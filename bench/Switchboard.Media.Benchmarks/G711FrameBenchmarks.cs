using BenchmarkDotNet.Attributes;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>Encoding one 20 ms frame (160 samples) of a WAV prompt, as playback does every tick.</summary>
[MemoryDiagnoser]
public class G711FrameBenchmarks
{
    private readonly byte[] _pcm = new byte[SoundPlayer.SamplesPerFrame * sizeof(short)];
    private readonly byte[] _frame = new byte[SoundPlayer.SamplesPerFrame];

    [Params(AudioEncoding.Pcmu, AudioEncoding.Pcma)]
    public AudioEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < SoundPlayer.SamplesPerFrame; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
            _pcm[2 * i] = (byte)sample;
            _pcm[(2 * i) + 1] = (byte)(sample >> 8);
        }
    }

    [Benchmark]
    public void EncodeFrame() => G711FrameEncoder.Encode(_pcm, Encoding, _frame);
}
