using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Switchboard.Testing.Peers;

/// <summary>
/// The real server as a process of its own (<c>dotnet Switchboard.Server.dll</c>), on SQLite in a data directory
/// that outlives it, with HTTP, SIP and RTP on loopback ports the test chose: what a SIGTERM or a kill -9 does to a
/// server (and to the pages open on it) can only be seen on a process. Starting returns once /health answers. The
/// test project references the server, so that its output folder holds <c>Switchboard.Server.dll</c>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-1";

    private readonly PeerProcess _process;

    private ServerProcess(PeerProcess process, ServerPorts ports)
    {
        _process = process;
        Ports = ports;
    }

    public ServerPorts Ports { get; }

    public string Output => _process.Output;

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Ports.Http}") };

    public IPEndPoint SipEndPoint => new(IPAddress.Loopback, Ports.Sip);

    /// <param name="settings">More command-line settings, e.g. <c>--environment=Development</c> for a browser test: the
    /// server then serves its static files (start.js, blazor.web.js) from where the build left them, as in process.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, ServerPorts ports, CancellationToken cancellationToken,
        params IEnumerable<string> settings)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Switchboard.Server.dll");
        var process = PeerProcess.Start("dotnet",
        [
            server,
            "--urls", $"http://127.0.0.1:{ports.Http}",
            $"--Switchboard:DataDirectory={dataDirectory}",
            "--Switchboard:Sip:Address=127.0.0.1",
            $"--Switchboard:Sip:Port={ports.Sip}",
            $"--Switchboard:Rtp:PortMin={ports.RtpMin}",
            $"--Switchboard:Rtp:PortMax={ports.RtpMin + 99}",
            "--ConnectionStrings:Postgres=",
            $"--SWITCHBOARD_ADMIN_PASSWORD={AdminPassword}",
            .. settings,
        ], AppContext.BaseDirectory);
        var started = new ServerProcess(process, ports);
        try
        {
            await started.WaitUntilHealthyAsync(cancellationToken);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>A bearer token of <paramref name="username"/>.</summary>
    public async Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password }, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Login of '{username}' answered {(int)response.StatusCode}.\n{Output}");
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return token.RootElement.GetProperty("token").GetString()!;
    }

    /// <inheritdoc cref="PeerProcess.Terminate"/>
    public void Terminate() => _process.Terminate();

    /// <inheritdoc cref="PeerProcess.KillAbruptly"/>
    public void KillAbruptly() => _process.KillAbruptly();

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The call records as stored in the SQLite file of <paramref name="dataDirectory"/>: (result, detail) of each.</summary>
    public static async Task<List<(string Result, string? Detail)>> CallRecordsAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "switchboard.db")};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT result, detail FROM call_records";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<(string, string?)>();
        while (await reader.ReadAsync(cancellationToken))
            records.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return records;
    }

    /// <summary>How each user's part of each call ended, as stored (<c>inProgress</c> while they talk), read from the SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static async Task<List<string>> CallPartEndingsAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "switchboard.db")};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ending FROM call_record_agents";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var endings = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            endings.Add(reader.GetString(0));
        return endings;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = Client();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        while (!guard.IsCancellationRequested)
        {
            if (await IsHealthyAsync(client, guard.Token))
                return;
            // A server that cannot start (a port in use, say) ends with the exception that stopped it.
            Assert.False(Output.Contains("Unhandled exception", StringComparison.Ordinal), $"The server failed to start:\n{Output}");
            await Task.Delay(100, CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw PeerWait.Failure("the server to answer /health", () => Output);
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        // Each attempt on its own bound: one request caught in the server's start must not use up the whole wait.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await client.GetAsync("/health", attempt.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // Not listening yet.
            return false;
        }
    }
}

/// <summary>The loopback ports of a <see cref="ServerProcess"/>; a restarted server gets the same ones.</summary>
public sealed record ServerPorts(int Http, int Sip, int RtpMin)
{
    public static ServerPorts Find()
    {
        var http = FreePort.Find();
        return new ServerPorts(http, FreePort.FindOtherThan(http), FreePort.RangeStart(100));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"http {Http}, sip {Sip}, rtp {RtpMin}");
}
