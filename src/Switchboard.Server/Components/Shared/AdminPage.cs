using Microsoft.AspNetCore.Components;

namespace Switchboard.Server.Components.Shared;

/// <summary>
/// Base of the admin pages. They render on the server per request and change things through form posts, so the
/// request's own cancellation is the one to pass to the configuration services.
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    protected CancellationToken RequestAborted => HttpContext?.RequestAborted ?? CancellationToken.None;
}
