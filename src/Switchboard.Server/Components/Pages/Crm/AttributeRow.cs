namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>An attribute row of the contact form: a name and its value.</summary>
public sealed class AttributeRow
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
