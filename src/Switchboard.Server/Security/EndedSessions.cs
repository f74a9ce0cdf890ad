using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Switchboard.Data;

namespace Switchboard.Server.Security;

/// <summary>
/// Browser sessions ended by logout, kept in the database so that a copied or left-behind cookie is refused on
/// every node. A session's state is kept briefly in memory like the accounts (<see cref="AccountCache.Freshness"/>):
/// a logout takes effect at once on its own node, and on the others within that time.
/// </summary>
public sealed class EndedSessions(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(sessionId), out bool ended))
            return ended;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        ended = await db.EndedSessions.AsNoTracking().AnyAsync(s => s.SessionId == sessionId, cancellationToken);
        cache.Set(Key(sessionId), ended, AccountCache.Freshness);
        return ended;
    }

    /// <summary>Ends <paramref name="sessionId"/> until <paramref name="until"/>, when its cookie expires anyway.</summary>
    public async Task EndAsync(string sessionId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        var now = time.GetUtcNow();
        // Rows past their cookie's expiry guard nothing any more. They are few (the logouts of one cookie lifetime),
        // and SQLite cannot compare instants in a query, so they are sorted out here.
        var stored = await db.EndedSessions.ToListAsync(cancellationToken);
        db.EndedSessions.RemoveRange(stored.Where(s => s.Until < now));
        if (!stored.Any(s => s.SessionId == sessionId))
            db.EndedSessions.Add(new EndedSessionRecord { SessionId = sessionId, Until = until });
        await db.SaveChangesAsync(cancellationToken);

        cache.Set(Key(sessionId), true, AccountCache.Freshness);
    }

    private static string Key(string sessionId) => $"switchboard.session.{sessionId}";
}
