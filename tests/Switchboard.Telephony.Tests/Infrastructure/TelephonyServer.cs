using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Media.Audio;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.TelephonyHosting;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// The real Switchboard server on SQLite in a temporary directory, with SIP on 127.0.0.1 at a free UDP/TCP port
/// and RTP in a range of free ports. Configuration is added through the same admin services as the API's.
/// <paramref name="configureServices"/> may put a test's own implementation behind one of the ports telephony uses;
/// <paramref name="settings"/> are more configuration keys ("Switchboard:Rtp:InactivityTimeoutSeconds").
/// </summary>
internal sealed class TelephonyServer(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Realm = "switchboard.test";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "switchboard-telephony-tests", Guid.NewGuid().ToString("N"));
    private readonly int _rtpPortMin = FreePort.RangeStart(200);

    public CallEvents Events { get; } = new();

    /// <summary>The first and last port of the server's RTP range.</summary>
    public (int First, int Last) RtpPorts => (_rtpPortMin, _rtpPortMin + 199);

    public BackToBackUserAgent Telephony => Services.GetRequiredService<BackToBackUserAgent>();

    public IPEndPoint SipEndPoint => Telephony.Endpoint.UdpEndPoint!;

    public async Task<Guid> AddToneAsync(string name, TimeSpan duration)
    {
        var samples = new short[(int)(duration.TotalSeconds * 8000)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        await using var wav = new MemoryStream(WavFile.WritePcm16Mono(samples, 8000));
        return await AdminAsync<SoundAdmin, SoundView>(sounds => sounds.UploadAsync(name, wav, CancellationToken.None), view => view.Id);
    }

    /// <summary>An agent whose calls ring their SIP device (not the webphone).</summary>
    public Task<Guid> AddAgentAsync(string username, string sipPassword) =>
        AdminAsync<UserAdmin, UserView>(
            users => users.CreateAsync(
                new UserInput(username, username, Role.Agent, "agent-password-1", SipUsername: username, SipPassword: sipPassword, WebphoneEnabled: false),
                CancellationToken.None),
            view => view.Id);

    public Task<Guid> AddTrunkAsync(params string[] inboundAddresses) =>
        AdminAsync<TrunkAdmin, TrunkView>(trunks => trunks.CreateAsync(new TrunkInput("Carrier", inboundAddresses), CancellationToken.None), view => view.Id);

    /// <summary>A trunk that also takes outbound calls, sent to <paramref name="outboundHost"/> (host:port).</summary>
    public Task<Guid> AddOutboundTrunkAsync(string outboundHost, params string[] inboundAddresses) =>
        AdminAsync<TrunkAdmin, TrunkView>(trunks => trunks.CreateAsync(new TrunkInput("Carrier", inboundAddresses, outboundHost), CancellationToken.None),
            view => view.Id);

    /// <summary>A number whose scenario does <paramref name="actions"/>.</summary>
    public async Task AddNumberAsync(string number, params ScenarioAction[] actions)
    {
        var scenarioId = await AdminAsync<ScenarioAdmin, ScenarioView>(
            scenarios => scenarios.CreateAsync(new ScenarioInput($"Scenario of {number}", actions), CancellationToken.None), view => view.Id);
        await AdminAsync<NumberAdmin, NumberView>(numbers => numbers.CreateAsync(new NumberInput(number, null, scenarioId), CancellationToken.None), view => view.Id);
    }

    /// <summary>The stored call records, once the writer has written what it took.</summary>
    public async Task<List<CallRecord>> CallRecordsAsync()
    {
        await PeerWait.WithinAsync(Services.GetRequiredService<CallRecordWriter>().FlushAsync(CancellationToken.None), "the call records to be written",
            () => string.Join('\n', Events.All));
        await using var db = await Services.GetRequiredService<IDbContextFactory<SwitchboardDbContext>>().CreateDbContextAsync();
        return await db.CallRecords.AsNoTracking().Include(record => record.Agents).Include(record => record.Transfers).ToListAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseSetting("Switchboard:DataDirectory", _dataDirectory);
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("SWITCHBOARD_ADMIN_PASSWORD", "admin-password-1");
        builder.UseSetting("Switchboard:Sip:Address", "127.0.0.1");
        builder.UseSetting("Switchboard:Sip:Port", "0");
        builder.UseSetting("Switchboard:Sip:Realm", Realm);
        builder.UseSetting("Switchboard:Rtp:PortMin", _rtpPortMin.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Switchboard:Rtp:PortMax", (_rtpPortMin + 199).ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICallObserver>(Events);
            configureServices?.Invoke(services);
        });
    }

    private async Task<Guid> AdminAsync<TAdmin, TView>(Func<TAdmin, Task<AdminResult<TView>>> change, Func<TView, Guid> id)
        where TAdmin : notnull
    {
        using var scope = Services.CreateScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<TAdmin>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return id(result.Value!);
    }
}
