using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchboard.Testing.Peers;

/// <summary>
/// A SIP peer program (sipp, baresip) run by a test: output captured, working in the test's own temporary
/// directory, and never outliving the test — SIGTERM first (baresip un-registers then), SIGKILL if it lingers.
/// Every wait on it is bounded by <see cref="PeerWait.Guard"/>.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    // Time to reap a process already sent SIGKILL; only a kernel in trouble needs more.
    private static readonly TimeSpan KilledGrace = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private PeerProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static PeerProcess Start(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for the program to end by itself and returns its exit code; fails with its output if it never does.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await PeerWait.WithinAsync(_process.WaitForExitAsync(cancellationToken), $"{_process.StartInfo.FileName} to exit", () => Output, cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Completes when the output holds <paramref name="text"/>; fails the test with the output if it never does.</summary>
    public async Task WaitForOutputAsync(string text, CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                // Its last lines may still be on their way from the pipe: read to the end before judging.
                await WaitForExitAsync(cancellationToken);
                if (Output.Contains(text, StringComparison.Ordinal))
                    return;
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited without printing \"{text}\":\n{Output}");
            }
            if (guard.IsCancellationRequested)
                throw PeerWait.Failure($"\"{text}\" from {_process.StartInfo.FileName}", () => Output);
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Sends SIGTERM, as systemd or docker stop would, and returns without waiting.</summary>
    public void Terminate() => _ = Kill(_process.Id, SigTerm);

    /// <summary>Kills the program at once (SIGKILL), as a crash or kill -9 would: it gets no chance to clean up.</summary>
    public void KillAbruptly() => _process.Kill(entireProcessTree: true);

    /// <summary>Stops the program if it still runs; safe to call again (a test stops it early, its using stops it on failure).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            // A signal straight from here, not a kill(1) child whose own exit would be one more wait.
            _ = Kill(_process.Id, SigTerm);
            // baresip un-registers on SIGTERM and waits for the answer: a loaded machine needs far more than a few seconds.
            using var grace = new CancellationTokenSource(PeerWait.Guard);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(KilledGrace, CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    // kill(2); a process that has just exited makes it fail with ESRCH, which is the outcome wanted anyway.
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
