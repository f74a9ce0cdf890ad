namespace Switchboard.Server.Calls;

/// <summary>The names of the users and queues a call met, as they are now; a user or queue deleted since is said so.</summary>
public sealed record CallNames(IReadOnlyDictionary<Guid, string> Users, IReadOnlyDictionary<Guid, string> Queues)
{
    public const string DeletedUser = "A deleted user";

    public const string DeletedQueue = "A deleted queue";

    public string User(Guid id) => Users.GetValueOrDefault(id) ?? DeletedUser;

    public string? User(Guid? id) => id is { } known ? User(known) : null;

    public string? Queue(Guid? id) => id is { } known ? Queues.GetValueOrDefault(known) ?? DeletedQueue : null;
}
