namespace Switchboard.Server.Crm;

/// <summary>Who a contact is on a messaging channel.</summary>
public sealed record MessagingIdentityView(string Channel, string Identifier);
