using Switchboard.Domain.Crm;

namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>The "link a number" form of the contact page.</summary>
public sealed class LinkPhoneForm
{
    public string? Number { get; set; }

    public PhoneType Type { get; set; } = PhoneType.Mobile;

    public bool Primary { get; set; }
}
