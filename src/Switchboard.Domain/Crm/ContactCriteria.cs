namespace Switchboard.Domain.Crm;

/// <summary>
/// What a contact search asks for; every part given must match. Text parts are already normalised: the phone
/// number in E.164, the e-mail and attribute value folded by <see cref="EmailAddress.Key"/> and
/// <see cref="ContactName.Fold"/>, and the name split into words by <see cref="ContactName.Words"/>.
/// </summary>
public sealed record ContactCriteria
{
    /// <summary>Each must be the start of a word of the contact's name.</summary>
    public IReadOnlyList<string> NameWords { get; init; } = [];

    public string? PhoneNumber { get; init; }

    public string? EmailKey { get; init; }

    /// <summary>Some attribute has exactly this (folded) value.</summary>
    public string? AttributeValueKey { get; init; }

    /// <summary>Narrows <see cref="AttributeValueKey"/> to the attribute of this key.</summary>
    public string? AttributeKey { get; init; }

    public Guid? LabelId { get; init; }

    public Guid? OwnerId { get; init; }
}
