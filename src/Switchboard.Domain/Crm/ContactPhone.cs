namespace Switchboard.Domain.Crm;

/// <summary>A phone number of a contact, in E.164 form. One number may belong to several contacts.</summary>
public sealed class ContactPhone
{
    /// <summary>E.164, e.g. +14155550123.</summary>
    public required string Number { get; init; }

    public PhoneType Type { get; set; } = PhoneType.Mobile;

    /// <summary>The number to call this contact on; at most one of a contact's numbers is primary.</summary>
    public bool IsPrimary { get; set; }
}
