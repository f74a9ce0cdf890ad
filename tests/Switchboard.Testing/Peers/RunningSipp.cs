namespace Switchboard.Testing.Peers;

/// <summary>A sipp process of one test, started without waiting for it.</summary>
public sealed class RunningSipp : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly TemporaryDirectory _directory;

    public RunningSipp(PeerProcess process, TemporaryDirectory directory)
    {
        _process = process;
        _directory = directory;
    }

    public string Output => _process.Output;

    /// <summary>Waits for sipp to end by itself (after -m 1 calls or -timeout) and reads its traces.</summary>
    public async Task<SippRun> WaitAsync(CancellationToken cancellationToken = default)
    {
        var exitCode = await _process.WaitForExitAsync(cancellationToken);
        return new SippRun(exitCode, _directory.ReadAll("_messages.log"), _directory.ReadAll("_errors.log"), _process.Output);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
