namespace Switchboard.Domain.Acd;

/// <summary>What the ACD decided on an input: a command for telephony, an event, or a timer to arm.</summary>
public abstract record AcdOutput;
