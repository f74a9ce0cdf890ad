using Microsoft.AspNetCore.Components.Authorization;

namespace Switchboard.Server.Components.Shared;

/// <summary>
/// Runs one piece of an interactive page's work (a list, a save, a delete) in a service scope of its own. A circuit
/// lasts as long as the browser tab, and its scoped services (the database context above all) must not: each piece
/// of work gets fresh ones, acting as the page's user (for rules such as "an admin cannot delete themselves").
/// </summary>
public sealed class CircuitWork(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider user)
            user.SetAuthenticationState(authentication.GetAuthenticationStateAsync());
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
