namespace Switchboard.Media.Audio;

/// <summary>Why bytes could not be read as a WAV file.</summary>
public enum WavReadError
{
    None,

    /// <summary>No RIFF header with the WAVE form type.</summary>
    NotWav,

    /// <summary>A chunk claims more bytes than the file holds.</summary>
    Truncated,

    /// <summary>The file ended without a "fmt " chunk.</summary>
    MissingFormat,

    /// <summary>The file ended without a "data" chunk.</summary>
    MissingData,

    /// <summary>The "fmt " chunk is too short or describes no channels or no sample rate.</summary>
    InvalidFormat,
}
