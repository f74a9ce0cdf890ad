using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components.Endpoints;
using MudBlazor.Services;
using Switchboard.Server.Components;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Ui;

/// <summary>
/// Wires the web UI into the host: Razor components with interactive server rendering (the circuit) and MudBlazor;
/// pages not yet interactive render on the server per request and change things through plain form posts.
/// </summary>
public static class UiRegistration
{
    /// <summary>Where a page that could not be served is rendered instead, with its status code appended.</summary>
    public const string StatusPagePath = "/status";

    public static IServiceCollection AddSwitchboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<CircuitWork>();
        return services;
    }

    /// <summary>
    /// Call before authentication: a page refused (403) or a bad form post (400) is answered with that status and a
    /// page that says so. Only pages opened with GET: the API and other endpoints keep their problem details.
    /// </summary>
    public static WebApplication UseSwitchboardPageStatus(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(StatusPagePath + "/{0}");
        app.Use((context, next) =>
        {
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if ((!isPage || !HttpMethods.IsGet(context.Request.Method)) && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return next(context);
        });
        return app;
    }

    /// <summary>Call after authentication and authorization are in the pipeline: forms are checked for forgery after them.</summary>
    public static WebApplication MapSwitchboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapThemeEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
