using Microsoft.Extensions.Options;
using Switchboard.Domain.Security;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.Security;

/// <summary>Brute-force limits for SIP devices and web logins, from <c>Switchboard:SignInLimits</c> (docs/configuration.md).</summary>
public static class SignInLimitsRegistration
{
    public const string Section = "Switchboard:SignInLimits";

    /// <summary>Keys of the two <see cref="SignInThrottle"/>s: each door counts its own failures.</summary>
    public const string Sip = "sip";
    public const string Web = "web";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        services.AddOptions<FailureLimits>()
            .BindConfiguration(Section)
            .Validate(limits => limits.SourceFailures >= 1 && limits.AccountFailures >= 1, $"{Section}: SourceFailures and AccountFailures must be at least 1.")
            .Validate(limits => limits.FirstBlock > TimeSpan.Zero && limits.MaxBlock >= limits.FirstBlock,
                $"{Section}: FirstBlock must be positive and MaxBlock at least FirstBlock.")
            .Validate(limits => limits.ForgetAfter > TimeSpan.Zero && limits.TrustAfterSuccess >= TimeSpan.Zero, $"{Section}: ForgetAfter must be positive.")
            .Validate(limits => limits.MaxTracked >= 100, $"{Section}: MaxTracked must be at least 100.")
            .ValidateOnStart();
        foreach (var door in (string[])[Sip, Web])
        {
            services.AddKeyedSingleton(door, (provider, _) => new SignInThrottle(
                provider.GetRequiredService<IOptions<FailureLimits>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<SignInThrottle>>(),
                door));
        }
        services.AddSingleton<ISipAuthenticationGuard, SipSignInGuard>();
        return services;
    }
}
