namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>One agent of the queue being edited; the user is empty until picked.</summary>
public sealed class QueueMemberRow
{
    public Guid? UserId { get; set; }

    public int? Level { get; set; } = 1;

    public int? Position { get; set; } = 1;
}
