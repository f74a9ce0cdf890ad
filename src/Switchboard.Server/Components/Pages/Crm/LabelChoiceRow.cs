namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>An existing label on the contact form, ticked when the contact has it.</summary>
public sealed class LabelChoiceRow
{
    public string Name { get; set; } = "";

    public bool Picked { get; set; }
}
