namespace Switchboard.Domain.Crm;

/// <summary>Who a contact is on a messaging channel, e.g. channel "telegram" and identifier "@ann".</summary>
public sealed class MessagingIdentity
{
    /// <summary>Lower-case channel name, see <see cref="MessagingChannel"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>The contact's id on that channel, as the channel reports it.</summary>
    public required string Identifier { get; init; }
}
