using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Acd;
using Switchboard.Server.Admin.Users;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A scenario calls a user who takes calls in the webphone: their workspace rings while one is open, and with none
/// open they are unavailable at once instead of ringing nobody.
/// </summary>
public sealed class WebphoneRingTests : IAsyncLifetime
{
    private const string Number = "+12025550160";

    private readonly TelephonyServer _server = new();
    private Guid _wendy;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        using (var scope = _server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
                .CreateAsync(new UserInput("wendy", "Wendy Webphone", Role.Agent, "wendy-password-1", WebphoneEnabled: true), CancellationToken.None);
            _wendy = created.Value!.Id;
        }

        await _server.AddNumberAsync(Number, new CallUserAction(_wendy, RingSeconds: 60), new HangupAction());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_webphone_user_without_an_open_workspace_is_unavailable_and_nothing_rings()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallRefused("12025550160", media.Port, 480), "u1", directory);
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        Assert.DoesNotContain(_server.Events.Of(call.CallId), callEvent => callEvent is UserRinging);
    }

    [Fact]
    public async Task An_open_workspace_rings_and_its_refusal_lets_the_scenario_go_on()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        using var workspace = _server.Services.GetRequiredService<AgentPresence>().Connect(_wendy);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippScenarios.CallRefused("12025550160", media.Port, 480), "u1", directory);
        var ringing = await _server.Events.WaitForAsync<UserRinging>(ring => ring.UserId == _wendy);
        var refused = await _server.Telephony.UserCalls.RefuseAsync(ringing.CallId, _wendy, CancellationToken.None);
        var run = await sipp;
        var call = await _server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(refused);
        Assert.True(ringing.Webphone);
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
        var stopped = Assert.Single(_server.Events.Of(call.CallId).OfType<UserRingingStopped>());
        Assert.Equal(RingingStopReason.Refused, stopped.Reason);
    }
}
