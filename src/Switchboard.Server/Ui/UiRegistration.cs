using Switchboard.Server.Components;

namespace Switchboard.Server.Ui;

/// <summary>
/// Wires the admin UI into the host: Razor components rendered on the server, changed through plain form posts.
/// </summary>
public static class UiRegistration
{
    public static IServiceCollection AddSwitchboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Call after authentication and authorization are in the pipeline: forms are checked for forgery after them.</summary>
    public static WebApplication MapSwitchboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
