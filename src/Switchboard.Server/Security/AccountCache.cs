using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Switchboard.Data;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>
/// The users behind logged-in principals, read from the database and kept briefly, so that every request can be
/// checked against the current account (deleted, role changed) without a query per request. Changes made on this
/// node take effect at once through <see cref="Forget"/>; changes made on another node within <see cref="Freshness"/>.
/// </summary>
public sealed class AccountCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    /// <summary>The user with this id as it is now, or null when it no longer exists.</summary>
    public async Task<User?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out CachedAccount? cached) && cached is not null)
            return cached.User;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        cache.Set(Key(userId), new CachedAccount(user), Freshness);
        return user;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"switchboard.account.{userId}";

    // A wrapper so that "no such user" is cached too.
    private sealed record CachedAccount(User? User);
}
