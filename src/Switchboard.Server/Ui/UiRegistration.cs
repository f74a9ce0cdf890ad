using MudBlazor.Services;
using Switchboard.Server.Components;

namespace Switchboard.Server.Ui;

/// <summary>
/// Wires the web UI into the host: Razor components with interactive server rendering (the circuit) and MudBlazor;
/// pages not yet interactive render on the server per request and change things through plain form posts.
/// </summary>
public static class UiRegistration
{
    public static IServiceCollection AddSwitchboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        return services;
    }

    /// <summary>Call after authentication and authorization are in the pipeline: forms are checked for forgery after them.</summary>
    public static WebApplication MapSwitchboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
