namespace Switchboard.Domain.Acd;

/// <summary>
/// What waits in a queue and what an agent works on. The same queues, order and strategies serve every kind; an
/// agent's capacity is per kind (<see cref="AcdOptions.Capacity"/>, <see cref="SetAgentCapacity"/>). Telephony sends
/// calls; chats and outbound members come through the same door when they are built.
/// </summary>
public enum WorkKind
{
    Call,
    Chat,
    Outbound,
}
