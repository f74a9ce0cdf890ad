using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A call (or chat) to bind to a contact: its id, when it happened and what it was about.</summary>
public sealed record TimelineEntryInput(TimelineEntryKind Kind, string ReferenceId, DateTimeOffset At, string? Summary = null);
