namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>One disposition of the queue being edited, a line of its own so that each is typed in place.</summary>
public sealed class QueueDispositionRow
{
    public string Name { get; set; } = "";
}
