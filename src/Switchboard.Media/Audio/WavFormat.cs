namespace Switchboard.Media.Audio;

/// <summary>The "fmt " chunk of a WAV file, as far as playing it is concerned.</summary>
/// <param name="FormatCode">
/// The sample encoding (<see cref="WavFormatCode"/>); for WAVE_FORMAT_EXTENSIBLE files this is the
/// code taken from the SubFormat GUID, so callers never see the wrapper.
/// </param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BitsPerSample">Container size of one sample, in bits.</param>
/// <param name="BlockAlign">Bytes per frame (all channels).</param>
public readonly record struct WavFormat(int FormatCode, int Channels, int SampleRate, int BitsPerSample, int BlockAlign);
