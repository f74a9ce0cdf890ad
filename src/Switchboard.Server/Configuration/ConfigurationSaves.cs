using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Trunks;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Sees every save to storage, whoever makes it (admin API, pages, start-up seeding), and when it changed what calls
/// consult (numbers, scenarios, trunks, users, sounds, queues) tells the <see cref="ConfigurationStore"/>, whose new
/// snapshot is in force before the save returns: a number saved is answered by the very next INVITE.
/// </summary>
public sealed class ConfigurationSaves : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Configuration =
        [typeof(InboundNumber), typeof(Scenario), typeof(Trunk), typeof(User), typeof(Sound), typeof(DistributionQueue)];

    // Contexts whose save under way touches the configuration; marked before the save, since after it every entry is unchanged.
    private readonly ConditionalWeakTable<DbContext, object> _touching = [];
    private Func<CancellationToken, Task> _saved = _ => Task.CompletedTask;

    /// <summary>What to do after such a save (the store subscribes once; the interceptor cannot depend on it, as it needs storage).</summary>
    public void WhenSaved(Func<CancellationToken, Task> saved) => _saved = saved;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _touching.Remove(context))
            await _saved(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Nothing here saves synchronously; should something, its change is picked up by the next refresh.
        if (eventData.Context is { } context)
            _touching.Remove(context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
            _touching.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Configuration.Contains(OwnerOf(entry.Metadata).ClrType)))
            _touching.AddOrUpdate(context, context);
    }

    // A user's SIP device or a trunk's registration is stored within its owner and changes it.
    private static Microsoft.EntityFrameworkCore.Metadata.IEntityType OwnerOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        type.FindOwnership() is { } ownership ? OwnerOf(ownership.PrincipalEntityType) : type;
}
