using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// Runs a competing request, once, just before the server's next save: after the service's checks, as when two
/// requests arrive together, so that the race is run for certain rather than by chance.
/// </summary>
internal sealed class CompetingSave : SaveChangesInterceptor
{
    private Func<IServiceProvider, CancellationToken, Task>? _competitor;

    public IServiceScopeFactory? Scopes { get; set; }

    /// <summary>Arms it: the next save waits while <paramref name="competitor"/> runs in a scope of its own, as a request of its own.</summary>
    public void Before(Func<IServiceProvider, CancellationToken, Task> competitor) => _competitor = competitor;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        // Taken before running, so that the competitor's own save goes through untouched.
        if (Interlocked.Exchange(ref _competitor, null) is { } competitor)
        {
            var scopes = Scopes ?? throw new InvalidOperationException("The server has not started.");
            using var scope = scopes.CreateScope();
            await competitor(scope.ServiceProvider, cancellationToken);
        }

        return result;
    }
}
