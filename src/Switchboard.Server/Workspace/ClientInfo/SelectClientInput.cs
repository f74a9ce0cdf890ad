namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>The contact an agent selected as the client of the call.</summary>
public sealed record SelectClientInput(Guid ContactId);
