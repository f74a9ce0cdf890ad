namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>One agent of the queue being edited, as posted text; the user is empty until picked.</summary>
public sealed class QueueMemberRow
{
    public string? UserId { get; set; }

    public string? Level { get; set; } = "1";

    public string? Position { get; set; } = "1";
}
