using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A call or chat bound to a contact.</summary>
/// <param name="Call">The call's record (queue, agents, their wrap-ups); null for a chat or a call without a record.</param>
public sealed record TimelineEntryView(Guid Id, TimelineEntryKind Kind, string ReferenceId, DateTimeOffset At, string Summary, TimelineCallView? Call = null)
{
    public static TimelineEntryView From(TimelineEntry entry) => new(entry.Id, entry.Kind, entry.ReferenceId, entry.At, entry.Summary);

    public static TimelineEntryView From(TimelineEntry entry, IReadOnlyDictionary<string, TimelineCallView> calls) =>
        new(entry.Id, entry.Kind, entry.ReferenceId, entry.At, entry.Summary,
            entry.Kind == TimelineEntryKind.Call ? calls.GetValueOrDefault(entry.ReferenceId) : null);
}
