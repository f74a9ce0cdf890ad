namespace Switchboard.Server.Admin.Sounds;

/// <summary>An uploaded sound as the admin sees it; the audio itself is served separately.</summary>
public sealed record SoundView(Guid Id, string Name, int DurationMilliseconds, DateTimeOffset CreatedAt);
