namespace Switchboard.Domain.Crm;

/// <summary>A contact's mark with one shared <see cref="Label"/>.</summary>
public sealed class ContactLabel
{
    public required Guid LabelId { get; init; }
}
