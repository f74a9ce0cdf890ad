using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Calls;

/// <summary>The names of the users and queues a call met, as they are now; a user or queue deleted since is said so.</summary>
public sealed record CallNames(IReadOnlyDictionary<Guid, string> Users, IReadOnlyDictionary<Guid, string> Queues)
{
    public const string DeletedUser = "A deleted user";

    public const string DeletedQueue = "A deleted queue";

    public string User(Guid id) => Users.GetValueOrDefault(id) ?? DeletedUser;

    public string? User(Guid? id) => id is { } known ? User(known) : null;

    public string? Queue(Guid? id) => id is { } known ? Queues.GetValueOrDefault(known) ?? DeletedQueue : null;

    /// <summary>The names, as they are now, of the users and queues given (those deleted since are not found, and said so).</summary>
    public static async Task<CallNames> ReadAsync(SwitchboardDbContext db, IEnumerable<Guid> userIds, IEnumerable<Guid> queueIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = userIds.Distinct().ToList();
        var queues = queueIds.Distinct().ToList();
        return new CallNames(
            await db.Users.AsNoTracking().Where(user => users.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken),
            await db.Queues.AsNoTracking().Where(queue => queues.Contains(queue.Id)).ToDictionaryAsync(queue => queue.Id, queue => queue.Name, cancellationToken));
    }
}
