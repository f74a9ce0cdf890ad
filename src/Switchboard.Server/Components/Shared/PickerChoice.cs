namespace Switchboard.Server.Components.Shared;

/// <summary>One thing a choice of configured things offers (an owner, a queue, a sound…): its id and the name shown.</summary>
public sealed record PickerChoice(Guid Id, string Name);
