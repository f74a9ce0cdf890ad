namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>Client info's Link: the contact the caller's number is to be linked to.</summary>
public sealed record LinkCallerNumberInput(Guid ContactId);
