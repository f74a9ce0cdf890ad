using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Switchboard.Server.Components.Shared;

/// <summary>
/// Base of the pages that run over the circuit. Their work is cancelled when the page is left (or the tab closed),
/// not when a request ends, since there is none. They follow their address: moving between a list and its editor
/// (<c>admin/users</c>, <c>admin/users/new</c>, <c>admin/users/{id}</c>) keeps the same page, and the router does not
/// tell it when the route values stay the same, so the page reads the address itself on every move.
/// </summary>
public abstract class InteractivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closed = new();

    protected InteractivePage() => PageClosed = _closed.Token;

    /// <summary>Cancelled when the page is left; work still running then ends quietly (ComponentBase ignores cancellation).</summary>
    protected CancellationToken PageClosed { get; }

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The page's list, e.g. <c>admin/users</c>; its editor is at <c>/new</c> and <c>/{id}</c> under it.</summary>
    protected abstract string ListPath { get; }

    /// <summary>Shows what the address asks for: the list alone, a new item's editor, or an item's (by id).</summary>
    protected abstract Task ShowAsync(PageAddress address);

    protected override Task OnInitializedAsync()
    {
        Navigation.LocationChanged += LocationChanged;
        return ShowAsync(PageAddress.Read(Navigation, ListPath) ?? PageAddress.List);
    }

    // An event handler of the UI: its errors go to the page's renderer like any other handler's.
    private async void LocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (PageAddress.Read(Navigation, ListPath) is not { } address)
            return;
        try
        {
            await InvokeAsync(async () =>
            {
                await ShowAsync(address);
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        Navigation.LocationChanged -= LocationChanged;
        _closed.Cancel();
        _closed.Dispose();
    }
}
