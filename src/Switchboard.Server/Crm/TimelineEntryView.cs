using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A call or chat bound to a contact.</summary>
public sealed record TimelineEntryView(Guid Id, TimelineEntryKind Kind, string ReferenceId, DateTimeOffset At, string Summary)
{
    public static TimelineEntryView From(TimelineEntry entry) => new(entry.Id, entry.Kind, entry.ReferenceId, entry.At, entry.Summary);
}
