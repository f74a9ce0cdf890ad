using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Switchboard.Testing.Peers;

/// <summary>
/// A SIP peer program (sipp, baresip) run by a test: output captured, working in the test's own temporary
/// directory, and never outliving the test — SIGTERM first (baresip un-registers then), SIGKILL if it lingers.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    // A guard against a hung peer; the peers' own -timeout options end a normal run long before.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
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

    /// <summary>Waits for the program to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(Guard);
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    /// <summary>Completes when the output holds <paramref name="text"/>; fails the test with the output if it never does.</summary>
    public async Task WaitForOutputAsync(string text, CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(Guard);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(guard.IsCancellationRequested || _process.HasExited, $"Never printed \"{text}\":\n{Output}");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Stops the program if it still runs; safe to call again (a test stops it early, its using stops it on failure).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
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
}
