using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Rtp;
using Switchboard.Server.Hosting;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>Real calls: the SIP endpoint and registrar, the back-to-back user agent, its lookups in storage and the call records.</summary>
public static class TelephonyRegistration
{
    /// <summary>Digest nonces stay valid this long; a device then re-authenticates with stale=true.</summary>
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddSwitchboardTelephony(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseSipCredentials>();
        services.AddSingleton<ISipCredentialLookup>(provider => provider.GetRequiredService<DatabaseSipCredentials>());
        services.AddSingleton<ConfiguredTelephonyDirectory>();
        services.AddSingleton<ITelephonyDirectory>(provider => provider.GetRequiredService<ConfiguredTelephonyDirectory>());
        services.TryAddSingleton<IScenarioSource>(provider => provider.GetRequiredService<ConfiguredTelephonyDirectory>());
        services.AddSingleton(provider => new ScenarioInterpreter(
            provider.GetRequiredService<IScenarioSource>(),
            provider.GetRequiredService<IQueueDirectory>(),
            provider.GetRequiredService<IUserReadiness>(),
            new ConditionEvaluator(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IQueueState>())));
        services.AddSingleton<CallRecordWriter>();
        services.AddSingleton<ICallObserver>(provider => provider.GetRequiredService<CallRecordWriter>());
        services.AddSingleton<ICallObserver, CallLog>();
        services.AddSingleton<TelephonyMetrics>();
        services.AddSingleton<SipMetrics>();
        services.AddSingleton(CreateUserAgent);
        services.AddSingleton<ILiveCallDirectory>(provider => provider.GetRequiredService<BackToBackUserAgent>());
        services.AddSingleton(provider => provider.GetRequiredService<BackToBackUserAgent>().UserCalls);
        services.AddSingleton<IAcdInputSink, DispatcherInputs>();

        // Hosted services stop in reverse order: telephony hangs up its calls first, then the writer stores their records.
        // Presence subscribes to registrations before SIP opens; the ACD's commands are read while calls run.
        services.AddHostedService(provider => provider.GetRequiredService<CallRecordWriter>());
        services.AddHostedService<DevicePresence>();
        // Devices' credentials are in memory before SIP opens.
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseSipCredentials>());
        // Registrations from before the restart are back (and presence told) before SIP opens; written until SIP has closed.
        services.AddHostedService<RegistrationStore>();
        services.AddHostedService<TelephonyHost>();
        // After SIP opens, and stopped (un-registering) before it closes.
        services.AddOptions<TrunkRegistrationOptions>();
        services.AddSingleton<TrunkRegistrations>();
        services.AddHostedService(provider => provider.GetRequiredService<TrunkRegistrations>());
        services.AddHostedService<AcdCommandReader>();
        services.AddHealthChecks().AddCheck<SipHealthCheck>("sip");
        return services;
    }

    private static BackToBackUserAgent CreateUserAgent(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<IOptions<SwitchboardOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        var bindAddress = IPAddress.Parse(settings.Sip.Address);
        var configured = settings.Sip.AdvertisedAddress is { Length: > 0 } external ? IPAddress.Parse(external) : null;
        // Fixed when configured (behind NAT) or bound to one address; bound to all, each peer gets the address on its way (null).
        var advertised = configured ?? (bindAddress.Equals(IPAddress.Any) || bindAddress.Equals(IPAddress.IPv6Any) ? null : bindAddress);
        var endpoint = new SipEndpoint(new SipEndpointOptions
        {
            Address = bindAddress,
            Port = settings.Sip.Port,
            AdvertisedHost = advertised?.ToString(),
            UdpReceiveBufferBytes = settings.Sip.UdpReceiveBufferBytes,
            Tcp = settings.Sip.Tcp.ToOptions(),
            SupportedExtensions = settings.Sip.SessionTimer.ToPolicy() is null ? [] : [SessionTimerNegotiation.OptionTag],
        }, time,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<SipEndpoint>(), provider.GetRequiredService<SipMetrics>());
        var challenger = new DigestChallenger(settings.Sip.Realm, RandomNumberGenerator.GetBytes(32), time, NonceLifetime, DigestAlgorithmsOf(settings.Sip));
        var authenticator = new SipAuthenticator(challenger, provider.GetRequiredService<ISipCredentialLookup>(), provider.GetRequiredService<ISipAuthenticationGuard>());
        var registrations = new RegistrationTable(time);
        var registrar = new SipRegistrar(authenticator, registrations,
            new SipRegistrarOptions { MaxBindingsPerUser = Math.Max(1, settings.Sip.MaxBindingsPerUser) }, time);
        return new BackToBackUserAgent(
            endpoint,
            registrar,
            registrations,
            authenticator,
            new RtpPortPool(settings.Rtp.PortMin, settings.Rtp.PortMax, new RtpLog(provider.GetRequiredService<ILogger<RtpLog>>(), time)),
            provider.GetRequiredService<ScenarioInterpreter>(),
            provider.GetRequiredService<ITelephonyDirectory>(),
            provider.GetServices<ICallObserver>(),
            provider.GetRequiredService<IAcdInputSink>(),
            new TelephonyOptions
            {
                MediaBindAddress = bindAddress,
                MediaAddress = advertised,
                WebphoneMediaAddress = configured ?? WebphoneAddressFor(bindAddress),
                MediaInactivityTimeout = TimeSpan.FromSeconds(settings.Rtp.InactivityTimeoutSeconds),
                SessionTimers = settings.Sip.SessionTimer.ToPolicy(),
            },
            time,
            provider.GetRequiredService<ILogger<BackToBackUserAgent>>(),
            provider.GetRequiredService<TelephonyMetrics>());
    }

    /// <summary>"MD5, SHA-256" in the settings; names are those of RFC 8760.</summary>
    private static List<DigestAlgorithm> DigestAlgorithmsOf(SipOptions sip) =>
    [
        .. sip.DigestAlgorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToUpperInvariant() switch
            {
                "MD5" => DigestAlgorithm.Md5,
                "SHA-256" => DigestAlgorithm.Sha256,
                _ => throw new OptionsValidationException(SwitchboardOptions.Section, typeof(SipOptions),
                    [$"Switchboard:Sip:DigestAlgorithms: '{name}' is not MD5 or SHA-256."]),
            }),
    ];

    /// <summary>A webphone's ICE candidate needs one real address; bound to all, the first IPv4 one that is up.</summary>
    private static IPAddress WebphoneAddressFor(IPAddress bindAddress)
    {
        if (!bindAddress.Equals(IPAddress.Any) && !bindAddress.Equals(IPAddress.IPv6Any))
            return bindAddress;
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(network => network.OperationalStatus == OperationalStatus.Up && network.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
            ?? IPAddress.Loopback;
    }
}
