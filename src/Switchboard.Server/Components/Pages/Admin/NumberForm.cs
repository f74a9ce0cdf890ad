namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>The number being edited on the Numbers page, as posted text.</summary>
public sealed class NumberForm
{
    public string Number { get; set; } = "";

    public string? Label { get; set; }

    public string? ScenarioId { get; set; }
}
