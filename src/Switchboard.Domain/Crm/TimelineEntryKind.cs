namespace Switchboard.Domain.Crm;

/// <summary>What a timeline entry records.</summary>
public enum TimelineEntryKind
{
    Call,
    Chat,
}
