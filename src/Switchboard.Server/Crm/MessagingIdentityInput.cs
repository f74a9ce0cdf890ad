namespace Switchboard.Server.Crm;

/// <summary>A messaging identity, e.g. channel "telegram" and identifier "@ann".</summary>
public sealed record MessagingIdentityInput(string Channel, string Identifier);
