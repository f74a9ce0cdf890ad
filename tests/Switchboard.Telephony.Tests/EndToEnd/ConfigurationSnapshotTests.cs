using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Routing;
using Switchboard.Server.Configuration;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// Calls are answered from the configuration held in memory: a call reads none of it from storage, a save is in
/// force at once, and what another node saves (written here behind the server's back) arrives with the refresh.
/// </summary>
public sealed class ConfigurationSnapshotTests
{
    private const string Number = "+12025550100";

    [Fact]
    public async Task A_call_is_admitted_routed_and_played_its_sound_without_reading_the_configuration_from_storage()
    {
        var reads = new ConfigurationReads();
        await using var server = await StartAsync(refreshSeconds: 0, services => services.AddSingleton<IInterceptor>(reads));
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        reads.Counting = true;

        var run = await Sipp.RunAsync(server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp(Number[1..], media.Port), "u1", directory);
        var call = await server.Events.NextEndedAsync();
        reads.Counting = false;

        // Admitted from a trunk's address, routed by its number, the sound played from memory: and not one query for any of it.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.InRange(media.Received, 45, 55);
        Assert.Equal(0, reads.Count);
    }

    [Fact]
    public async Task A_number_removed_by_another_node_is_refused_once_the_refresh_has_run()
    {
        await using var server = await StartAsync(refreshSeconds: 1);
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        var store = server.Services.GetRequiredService<ConfigurationStore>();
        Assert.NotNull(store.Current.FindNumber(Number));

        // Another node's save: straight to the database, which this node's interceptor never sees.
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<SwitchboardDbContext>>().CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM numbers WHERE number = {0}", Number);
        await PeerWait.UntilAsync(() => store.Current.FindNumber(Number) is null, () => "the refresh never dropped the number");

        var run = await Sipp.RunAsync(server.SipEndPoint, SippScenarios.CallRefused(Number[1..], media.Port, 404), "u1", directory);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static async Task<TelephonyServer> StartAsync(int refreshSeconds, Action<IServiceCollection>? configureServices = null)
    {
        var server = new TelephonyServer(configureServices,
            new Dictionary<string, string> { ["Switchboard:Configuration:RefreshSeconds"] = refreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await server.AddTrunkAsync("127.0.0.1/32");
        var sound = await server.AddToneAsync("Greeting", TimeSpan.FromSeconds(1));
        await server.AddNumberAsync(Number, new PlaySoundAction(sound), new HangupAction());
        return server;
    }
}
