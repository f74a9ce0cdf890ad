namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>One page of a Client info search: results are shown one by one, so a page holds one contact.</summary>
public sealed record ClientSearchResult(IReadOnlyList<ClientCard> Contacts, int Total, int Page);
