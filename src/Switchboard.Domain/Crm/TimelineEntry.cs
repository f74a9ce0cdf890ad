namespace Switchboard.Domain.Crm;

/// <summary>
/// A call or chat bound to a contact. It refers to the call record by id only: call records are written by
/// telephony on their own, and a contact's history must not depend on them being kept.
/// </summary>
public sealed class TimelineEntry
{
    public const int MaxReferenceIdLength = 100;
    public const int MaxSummaryLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid ContactId { get; init; }

    public TimelineEntryKind Kind { get; init; }

    /// <summary>The call's (or chat's) id; a contact holds each call once.</summary>
    public required string ReferenceId { get; init; }

    public DateTimeOffset At { get; init; }

    public string Summary { get; set; } = "";
}
