using Switchboard.Domain.Crm;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// A call (later also a chat) as Client info sees it, for one agent who may look at it.
/// </summary>
/// <param name="Identifier">What the client is recognised by; null when the caller withheld their number.</param>
/// <param name="Accepted">The agent has answered it (it may have ended since): Add and Search are open.</param>
/// <param name="MemberDescription">The description loaded with an outbound member's number; outbound calls will carry it.</param>
public sealed record ClientConversation(
    Guid Id,
    TimelineEntryKind Kind,
    ClientIdentifier? Identifier,
    Guid? QueueId,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, string> Variables,
    bool Accepted,
    string? MemberDescription = null);
