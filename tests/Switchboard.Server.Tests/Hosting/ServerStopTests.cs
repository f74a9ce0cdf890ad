using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Testing.Peers;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>
/// The server as a process, stopped as an operator or a crash would stop it, with a caller waiting in a queue (music
/// on hold) and an agent's workspace page open. A process test, on SQLite only: what is tested is the process's stop
/// and start, not the database.
/// </summary>
public sealed class ServerStopTests : IDisposable
{
    private const string Number = "+12025550100";
    // The host's own stop limit is 30 s; a stop that waits on a client (the old events socket) takes all of it.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private readonly TemporaryDirectory _data = new();
    private readonly ServerPorts _ports = ServerPorts.Find();

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task A_sigterm_hangs_up_the_live_call_closes_the_workspace_socket_stops_at_once_and_a_restart_binds_the_same_ports()
    {
        using var sippDirectory = new TemporaryDirectory();
        await using var media = new RtpSocket();
        media.Receive((_, _, _) => ValueTask.CompletedTask);
        await using (var server = await ServerProcess.StartAsync(_data.Path, _ports, Ct))
        {
            var agentToken = await ConfigureWaitingLineAsync(server);
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_ports.Http}/api/v1/events?access_token={Uri.EscapeDataString(agentToken)}"), Ct);
            // Over TCP: the connection the server closes at its stop is what used to keep its SIP port from a restart.
            await using var caller = await Sipp.StartAsync(server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "t1",
                FreePort.Find(), sippDirectory);
            await PeerWait.UntilAsync(() => media.Received > 25, () => $"The caller never heard the music on hold.\n{caller.Output}\n{server.Output}", Ct);

            server.Terminate();
            var (lastMessage, closeStatus) = await ReadUntilClosedAsync(socket);
            var run = await caller.WaitAsync(Ct);
            var exited = await Task.WhenAny(server.WaitForExitAsync(Ct), Task.Delay(StopBound, Ct));

            Assert.Equal("serverStopping", lastMessage);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closeStatus);
            // The caller was hung up with a BYE, which it answered.
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True(exited is Task<int>, $"The server was still running {StopBound.TotalSeconds:0} s after SIGTERM.\n{server.Output}");
        }

        // Started again at once on the same HTTP, SIP and RTP ports, it comes up.
        await using var restarted = await ServerProcess.StartAsync(_data.Path, _ports, Ct);
        var record = Assert.Single(await ServerProcess.CallRecordsAsync(_data.Path, Ct));
        Assert.Equal(("failed", "the server stopped"), (record.Result, record.Detail));
    }

    [Fact]
    public async Task After_a_kill_9_the_record_of_the_call_in_progress_reads_interrupted_at_the_next_start()
    {
        using var sippDirectory = new TemporaryDirectory();
        await using var media = new RtpSocket();
        media.Receive((_, _, _) => ValueTask.CompletedTask);
        await using (var server = await ServerProcess.StartAsync(_data.Path, _ports, Ct))
        {
            await ConfigureWaitingLineAsync(server);
            await using var caller = await Sipp.StartAsync(server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1",
                FreePort.Find(), sippDirectory);
            await PeerWait.UntilAsync(() => media.Received > 25, () => $"The caller never heard the music on hold.\n{caller.Output}\n{server.Output}", Ct);
            // Written when the call started, while it goes on.
            await UntilRecordReadsAsync("inProgress", server.Output);

            server.KillAbruptly();
            await server.WaitForExitAsync(Ct);
        }

        await using var restarted = await ServerProcess.StartAsync(_data.Path, _ports, Ct);
        await UntilRecordReadsAsync("interrupted", restarted.Output);
    }

    public void Dispose()
    {
        _data.Dispose();
        _timeout.Dispose();
    }

    /// <summary>A trunk at 127.0.0.1, a queue nobody answers and its number; returns the token of an agent of that queue.</summary>
    private async Task<string> ConfigureWaitingLineAsync(ServerProcess server)
    {
        using var admin = server.Client();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await server.LoginAsync("admin", ServerProcess.AdminPassword, Ct));
        await ConfigurationApi.CreateAsync<TrunkView>(admin, "/api/v1/trunks", new TrunkInput("Carrier", ["127.0.0.1/32"]), Ct);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(admin, "/api/v1/queues", new QueueInput("Support", MaxWaitSeconds: 600), Ct);
        var scenario = await ConfigurationApi.CreateAsync<ScenarioView>(admin, "/api/v1/scenarios",
            new ScenarioInput("Waiting line", [new QueueAction(queue.Id), new HangupAction()]), Ct);
        await ConfigurationApi.CreateAsync<NumberView>(admin, "/api/v1/numbers", new NumberInput(Number, null, scenario.Id), Ct);
        // The admin's own events socket stands for a workspace page: any signed-in user's is the same socket.
        return await server.LoginAsync("admin", ServerProcess.AdminPassword, Ct);
    }

    private async Task UntilRecordReadsAsync(string result, string output)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(PeerWait.Guard);
        var last = await ServerProcess.CallRecordsAsync(_data.Path, Ct);
        while (last is not [{ Result: var only }] || only != result)
        {
            Assert.False(guard.IsCancellationRequested, $"The call record never read {result}; last read: {string.Join(", ", last)}.\n{output}");
            await Task.Delay(100, CancellationToken.None);
            last = await ServerProcess.CallRecordsAsync(_data.Path, Ct);
        }
    }

    /// <summary>Reads the socket to its close: the type of the last message before it, and the close status.</summary>
    private async Task<(string? LastType, WebSocketCloseStatus? Status)> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        string? lastType = null;
        var buffer = new byte[16 * 1024];
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(PeerWait.Guard);
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, guard.Token);
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close)
                return (lastType, received.CloseStatus);
            using var message = JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray()));
            lastType = message.RootElement.GetProperty("type").GetString();
        }
    }
}
