using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>
/// The real Switchboard server, in process, on Kestrel at a free loopback port so a browser can reach it,
/// with its SQLite database and sound files in a fresh temporary data directory.
/// </summary>
public sealed class SwitchboardServer : WebApplicationFactory<Program>
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "Browser-test-admin-1";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("switchboard-browser-");
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">More settings, e.g. the demo switchboard on.</param>
    public SwitchboardServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        // The first start seeds the admin account with this password.
        Environment.SetEnvironmentVariable("SWITCHBOARD_ADMIN_PASSWORD", AdminPassword);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Switchboard:DataDirectory", _dataDirectory.FullName);
        builder.UseSetting("ConnectionStrings:Postgres", "");
        // Telephony listens on loopback at a free port, so the test never collides with a switchboard on 5060.
        builder.UseSetting("Switchboard:Sip:Address", "127.0.0.1");
        builder.UseSetting("Switchboard:Sip:Port", FreeUdpPort().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _dataDirectory.Exists)
        {
            _dataDirectory.Delete(recursive: true);
        }
    }
}
