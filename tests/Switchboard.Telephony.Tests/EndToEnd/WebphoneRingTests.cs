using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Users;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;
using Switchboard.Testing.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A scenario calls a user who takes calls in the webphone: their workspace rings while one is open, and with none
/// open they are unavailable at once instead of ringing nobody.
/// </summary>
public sealed class WebphoneRingTests : IAsyncLifetime
{
    private const string Number = "+12025550160";
    private const string QueueNumber = "+12025550161";

    private readonly TelephonyServer _server = new();
    private Guid _wendy;
    private Guid _queue;

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        using (var scope = _server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
                .CreateAsync(new UserInput("wendy", "Wendy Webphone", Role.Agent, "wendy-password-1", WebphoneEnabled: true), CancellationToken.None);
            _wendy = created.Value!.Id;
        }

        await _server.SetReadyAsync(_wendy);

        await _server.AddNumberAsync(Number, new CallUserAction(_wendy, RingSeconds: 60), new HangupAction());
        _queue = await _server.AddQueueAsync(new QueueInput("Webphones", Members: [new QueueMember(_wendy, 1, 0)]));
        await _server.AddNumberAsync(QueueNumber, new QueueAction(_queue), new HangupAction());
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

    [Fact]
    public async Task An_offer_rings_the_webphone_of_an_agent_the_ACD_counts_reachable_while_their_page_reconnects()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        // Reachable for the ACD (its grace after the page's socket closed) but no workspace connected this instant.
        _server.Acd().Post(new SetAgentReachable(_wendy, Reachable: true));
        await _server.SetReadyAsync(_wendy);

        var sipp = Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550161", media.Port, talkMilliseconds: 3000), "u1", directory);
        var ringing = await _server.Events.WaitForAsync<UserRinging>(ring => ring.UserId == _wendy);
        var run = await sipp;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((true, _queue), (ringing.Webphone, ringing.QueueId));
        Assert.NotNull(ringing.OfferId);
    }
}
