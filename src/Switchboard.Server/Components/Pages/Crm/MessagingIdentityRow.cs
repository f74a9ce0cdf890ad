namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>A messaging identity row of the contact form.</summary>
public sealed class MessagingIdentityRow
{
    public string? Channel { get; set; }

    public string? Identifier { get; set; }
}
