using Switchboard.Domain.Crm;

namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>A phone number row of the contact form.</summary>
public sealed class ContactPhoneRow
{
    public string? Number { get; set; }

    public PhoneType Type { get; set; } = PhoneType.Mobile;

    public bool Primary { get; set; }
}
