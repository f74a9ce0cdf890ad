namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// The Client info tab of a call: its queue, the caller's number (E.164 when it is a phone number, else as it
/// arrived), every contact identified by it, the outbound member's description and the call variables.
/// </summary>
public sealed record ClientInfoView(
    string? QueueName,
    string? CallerNumber,
    IReadOnlyList<ClientCard> Contacts,
    string? MemberDescription,
    IReadOnlyDictionary<string, string> Variables);
