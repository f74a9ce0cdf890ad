using Xunit;

namespace Switchboard.Testing.Peers;

/// <summary>
/// Waits of peer-driven tests that always end: one that would wait forever fails instead, naming what it waited
/// for and what the peer printed. Only guards; no assertion depends on how long anything takes.
/// </summary>
public static class PeerWait
{
    /// <summary>Far longer than any wait on a machine busy with parallel builds, far shorter than CI's 5-minute hang timeout.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static async Task<T> WithinAsync<T>(Task<T> task, string waitingFor, Func<string> output, CancellationToken cancellationToken = default)
    {
        try
        {
            return await task.WaitAsync(Guard, cancellationToken);
        }
        catch (TimeoutException timeout)
        {
            throw Failure(waitingFor, output, timeout);
        }
    }

    public static async Task WithinAsync(Task task, string waitingFor, Func<string> output, CancellationToken cancellationToken = default)
    {
        try
        {
            await task.WaitAsync(Guard, cancellationToken);
        }
        catch (TimeoutException timeout)
        {
            throw Failure(waitingFor, output, timeout);
        }
    }

    /// <summary>Completes once <paramref name="condition"/> holds, as a peer's counts grow; fails the test with <paramref name="failure"/> if it never does.</summary>
    public static async Task UntilAsync(Func<bool> condition, Func<string> failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(failure);
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, failure());
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>The exception of a wait that outlasted its guard, with the peer's output to tell why.</summary>
    public static TimeoutException Failure(string waitingFor, Func<string> output, Exception? inner = null) =>
        new($"Waited {Guard.TotalSeconds:0} s in vain for {waitingFor}. The peer printed:\n{output()}", inner);
}
