namespace Switchboard.Domain.Sounds;

/// <summary>An uploaded audio prompt (greeting, music on hold), stored as 8 kHz mono 16-bit PCM WAV.</summary>
public sealed class Sound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>File name inside the data directory's sound folder.</summary>
    public required string FileName { get; set; }

    public int DurationMilliseconds { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
