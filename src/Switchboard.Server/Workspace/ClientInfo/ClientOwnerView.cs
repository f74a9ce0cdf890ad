namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>A user who can be made the owner of a contact added from Client info.</summary>
public sealed record ClientOwnerView(Guid Id, string DisplayName);
