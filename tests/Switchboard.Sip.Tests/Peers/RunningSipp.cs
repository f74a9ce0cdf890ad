namespace Switchboard.Sip.Tests.Peers;

/// <summary>A sipp process of one test.</summary>
internal sealed class RunningSipp : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly TemporaryDirectory _directory;

    public RunningSipp(PeerProcess process, TemporaryDirectory directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>Waits for sipp to end by itself (after -m 1 calls or -timeout) and reads its traces.</summary>
    public async Task<SippRun> WaitAsync()
    {
        var exitCode = await _process.WaitForExitAsync();
        return new SippRun(exitCode, _directory.ReadAll("_messages.log"), _directory.ReadAll("_errors.log"), _process.Output);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
