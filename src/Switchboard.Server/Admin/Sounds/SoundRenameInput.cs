namespace Switchboard.Server.Admin.Sounds;

/// <summary>A sound's new name: the only thing about an uploaded sound that can change.</summary>
public sealed record SoundRenameInput(string Name);
