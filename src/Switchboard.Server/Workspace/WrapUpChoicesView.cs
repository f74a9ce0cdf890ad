namespace Switchboard.Server.Workspace;

/// <summary>
/// What an agent's wrap-up of a call offers: the dispositions of the queue whose offer they answered, in their
/// order, and whether one is required; for a direct call (<see cref="QueueName"/> null), none.
/// </summary>
public sealed record WrapUpChoicesView(string? QueueName, IReadOnlyList<string> Dispositions, bool DispositionRequired)
{
    public static readonly WrapUpChoicesView NotesOnly = new(null, [], false);
}
