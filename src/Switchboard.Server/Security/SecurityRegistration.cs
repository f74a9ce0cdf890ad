using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Domain.Users;
using Switchboard.Server.Hosting;
using Switchboard.Server.Security.KeyProtection;

namespace Switchboard.Server.Security;

/// <summary>
/// One authentication setup for both doors: a cookie for the browser, a bearer token for the API. API routes
/// answer 401/403; pages redirect to the login page.
/// </summary>
public static class SecurityRegistration
{
    /// <summary>How long a browser session lasts without use (sliding).</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    // Fixed, so that every node (whatever its install path) reads the same protected payloads.
    private const string ApplicationName = "Switchboard";

    public static IServiceCollection AddSwitchboardSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        services.AddDataProtection().SetApplicationName(ApplicationName).AddKeyProtection(configuration);

        services.AddAuthentication(SwitchboardSchemes.CookieOrBearer)
            .AddPolicyScheme(SwitchboardSchemes.CookieOrBearer, displayName: null, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? SwitchboardSchemes.Bearer : SwitchboardSchemes.Cookie)
            .AddCookie(SwitchboardSchemes.Cookie, options =>
            {
                options.Cookie.Name = "switchboard.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/login";
                options.ExpireTimeSpan = CookieLifetime;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                // Refused is refused, for pages too: 403, where the UI renders its "not allowed" page (UiRegistration).
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(SwitchboardSchemes.Bearer, options => options.BearerTokenExpiration = BearerTokenIssuer.Lifetime);

        services.AddAuthorizationBuilder().AddSwitchboardPolicies();

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RevokedAccountChallenge>();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<EndedSessions>();
        services.AddOptions<WebOriginOptions>().BindConfiguration(WebOriginOptions.Section);
        services.AddSingleton<WebSocketOrigins>();
        services.AddSingleton<IClaimsTransformation, AccountRevalidation>();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingStateProvider>();
        services.AddScoped<CurrentAccount>();
        services.AddScoped<PasswordLogin>();
        services.AddSignInLimits();
        services.AddSingleton<BearerTokenIssuer>();
        services.AddSingleton<TrunkPasswords>();
        services.AddScoped<TrunkPasswordUpgrade>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        return services;
    }

    public static WebApplication UseSwitchboardSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // Machines (API clients, a Prometheus scraper) get the status; people get the login page.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(MetricsRegistration.Path))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
