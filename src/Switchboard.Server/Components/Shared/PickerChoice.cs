namespace Switchboard.Server.Components.Shared;

/// <summary>One thing a <see cref="Picker"/> offers: its id and the name shown.</summary>
public sealed record PickerChoice(Guid Id, string Name);
