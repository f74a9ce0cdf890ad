using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>A server that has begun to stop takes no new call: agents could no longer answer it.</summary>
public sealed class StoppingTests : IAsyncLifetime
{
    private readonly StopProbe _probe = new();
    private readonly TelephonyServer _server;

    public StoppingTests() => _server = new TelephonyServer(services => services.AddSingleton<IHostedService>(_probe));

    public async Task InitializeAsync()
    {
        await _server.AddTrunkAsync("127.0.0.1/32");
        await _server.AddNumberAsync("+12025550100", new HangupAction());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task While_the_server_stops_a_new_invite_is_answered_503_and_becomes_no_call()
    {
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);
        using var refused = new RefusedInvites(_server);
        var sip = _server.SipEndPoint;
        var lifetime = _server.Services.GetRequiredService<IHostApplicationLifetime>();
        var during = new TaskCompletionSource<SippRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.WhileStopping = async () =>
            during.TrySetResult(await Sipp.RunAsync(sip, SippScenarios.CallRefused("12025550100", media.Port, 503), "u1", directory));

        // What SIGTERM does.
        lifetime.StopApplication();
        var run = await PeerWait.WithinAsync(during.Task, "the call placed while the server stops", () => "");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, refused.Count);
        Assert.DoesNotContain(_server.Events.All, callEvent => callEvent is CallStarted);
    }

    /// <summary>Runs the test's step once while the host stops (it is stopped again at dispose), before any service stopped.</summary>
    private sealed class StopProbe : IHostedLifecycleService
    {
        private Func<Task>? _whileStopping;

        public Func<Task>? WhileStopping
        {
            set => _whileStopping = value;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Interlocked.Exchange(ref _whileStopping, null)?.Invoke() ?? Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
