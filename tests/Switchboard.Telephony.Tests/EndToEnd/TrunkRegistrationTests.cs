using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Trunks;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A trunk whose carrier wants Switchboard registered: sipp plays the carrier's registrar and the server registers
/// to it as soon as the trunk is saved, refreshes before the granted time runs out, retries a refusal later and
/// removes its registration when it shuts down.
/// </summary>
public sealed class TrunkRegistrationTests : IAsyncLifetime
{
    private const string Username = "switchboard-trunk";
    private const string Password = "carrier-secret-1";

    // No periodic refresh: a trunk saved must start registering from the save itself.
    private readonly TelephonyServer _server = new(settings: new Dictionary<string, string> { ["Switchboard:Configuration:RefreshSeconds"] = "0" });
    private readonly int _registrarPort = FreePort.Find();
    private readonly TemporaryDirectory _registrarDirectory = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        // A refusal is retried soon, so that the test sees it happen.
        _app = _server.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.Configure<TrunkRegistrationOptions>(options =>
            options.FirstRetryDelay = TimeSpan.FromSeconds(1))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _registrarDirectory.Dispose();
    }

    [Fact]
    public async Task A_trunk_registers_answering_the_carriers_challenge_and_refreshes_before_the_granted_time_runs_out()
    {
        await using var registrar = await StartRegistrarAsync(SippRegistrarScenarios.ChallengeGrantAndRefresh(Username, Password, grantedSeconds: 4));

        var trunkId = await AddRegisteringTrunkAsync(Password);
        var run = await PeerWait.WithinAsync(registrar.WaitAsync(), "the registrar to see the registration and its refresh", () => registrar.Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"REGISTER sip:127.0.0.1:{_registrarPort} SIP/2.0", run.Messages, StringComparison.Ordinal);
        Assert.Contains($"To: <sip:{Username}@127.0.0.1>", run.Messages, StringComparison.Ordinal);
        Assert.Contains("Expires: 3600", run.Messages, StringComparison.Ordinal);
        // What the admin sees in GET /api/v1/trunks.
        using var scope = _app.Services.CreateScope();
        var shown = await scope.ServiceProvider.GetRequiredService<TrunkAdmin>().GetAsync(trunkId, CancellationToken.None);
        Assert.NotNull(shown?.RegistrationStatus?.RegisteredUntil);
        Assert.Null(shown.RegistrationStatus.LastError);
    }

    [Fact]
    public async Task A_trunk_whose_password_an_older_version_stored_in_plain_text_still_registers_with_it()
    {
        await using var registrar = await StartRegistrarAsync(SippRegistrarScenarios.ChallengeGrantAndRefresh(Username, Password, grantedSeconds: 4));

        // Straight into the table, as versions before encryption saved it: the start-up encrypts such rows, and one
        // met before that is used as it is.
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
            db.Trunks.Add(new Trunk { Name = "Carrier", Registration = new TrunkRegistration($"127.0.0.1:{_registrarPort}", Username, Password) });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        var run = await PeerWait.WithinAsync(registrar.WaitAsync(), "the registrar to see the registration and its refresh", () => registrar.Output);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_refused_registration_is_tried_again_later_and_shows_why_it_failed()
    {
        await using var registrar = await StartRegistrarAsync(SippRegistrarScenarios.RefuseTwice());

        var trunkId = await AddRegisteringTrunkAsync("not-the-carriers-password");
        var run = await PeerWait.WithinAsync(registrar.WaitAsync(), "the registrar to refuse the trunk twice", () => registrar.Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        await PeerWait.UntilAsync(() => StatusOf(trunkId)?.LastError is not null, () => $"no error shown: {StatusOf(trunkId)}");
        var status = StatusOf(trunkId)!;
        Assert.Contains("403", status.LastError, StringComparison.Ordinal);
        Assert.Null(status.RegisteredUntil);
        Assert.DoesNotContain("not-the-carriers-password", run.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutting_down_removes_the_registration_at_the_carrier()
    {
        await using var registrar = await StartRegistrarAsync(SippRegistrarScenarios.GrantThenExpectRemoval(grantedSeconds: 3600));
        var trunkId = await AddRegisteringTrunkAsync(Password);
        await PeerWait.UntilAsync(() => StatusOf(trunkId)?.RegisteredUntil is not null, () => registrar.Output);

        await _app.DisposeAsync();
        var run = await PeerWait.WithinAsync(registrar.WaitAsync(), "the registrar to see the registration removed", () => registrar.Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Expires: 0", run.Messages, StringComparison.Ordinal);
    }

    private Task<RunningSipp> StartRegistrarAsync(string scenario) => Sipp.StartAsync(null, scenario, "u1", _registrarPort, _registrarDirectory);

    private async Task<Guid> AddRegisteringTrunkAsync(string password)
    {
        using var scope = _app.Services.CreateScope();
        var input = new TrunkInput("Carrier", ["127.0.0.1/32"], Registration: new TrunkRegistrationInput($"127.0.0.1:{_registrarPort}", Username, password, 3600));
        var result = await scope.ServiceProvider.GetRequiredService<TrunkAdmin>().CreateAsync(input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return result.Value!.Id;
    }

    private TrunkRegistrationStatus? StatusOf(Guid trunkId) => _app.Services.GetRequiredService<TrunkRegistrations>().StatusOf(trunkId);
}
