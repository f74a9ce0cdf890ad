namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>The number being edited on the Numbers page; the scenario is empty until picked.</summary>
public sealed class NumberForm
{
    public string Number { get; set; } = "";

    public string? Label { get; set; }

    public Guid? ScenarioId { get; set; }
}
