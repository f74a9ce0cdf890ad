using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Data;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>
/// The writer of records (call records, queue events) stores on a thread of its own: under load, a commit that blocks
/// (SQLite's always do) must not hold one of the thread-pool threads that SIP, media and the web run on.
/// </summary>
public sealed class BackgroundRecordWriterTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Batches_are_stored_on_the_writers_own_thread_never_on_a_thread_pool_thread()
    {
        using var writer = new ThreadWitness();
        await writer.StartAsync(CancellationToken.None);

        for (var item = 0; item < 10; item++)
        {
            writer.Take(item);
            await writer.FlushAsync(CancellationToken.None).WaitAsync(Guard);
        }

        await writer.StopAsync(CancellationToken.None).WaitAsync(Guard);
        Assert.Equal(Enumerable.Range(0, 10), writer.Stored);
        Assert.Equal(["Writer of witnessed items"], writer.Threads.Distinct());
        Assert.False(writer.OnThreadPool, "a batch was stored on a thread-pool thread");
    }

    [Fact]
    public async Task What_was_taken_before_the_stop_is_stored_by_the_time_the_stop_returns()
    {
        using var writer = new ThreadWitness();
        await writer.StartAsync(CancellationToken.None);

        for (var item = 0; item < 1000; item++)
            writer.Take(item);
        await writer.StopAsync(CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(Enumerable.Range(0, 1000), writer.Stored);
        Assert.Equal(0, writer.Dropped);
    }

    /// <summary>Stores nothing in the database; notes what it was given and on which thread.</summary>
    private sealed class ThreadWitness() : BackgroundRecordWriter<int>(Contexts(), NullLogger.Instance, "witnessed items", capacity: 10_000, batchSize: 100)
    {
        private readonly ConcurrentQueue<string?> _threads = new();
        private readonly ConcurrentQueue<int> _stored = new();
        private volatile bool _onThreadPool;

        public IEnumerable<int> Stored => _stored;

        public IEnumerable<string?> Threads => _threads;

        public bool OnThreadPool => _onThreadPool;

        public void Take(int item) => Append(item);

        protected override void AddRows(SwitchboardDbContext db, IReadOnlyList<int> items)
        {
            _threads.Enqueue(Thread.CurrentThread.Name);
            _onThreadPool |= Thread.CurrentThread.IsThreadPoolThread;
            foreach (var item in items)
                _stored.Enqueue(item);
        }

        // No row is ever added, so no connection is ever opened.
        private static PooledDbContextFactory<SwitchboardDbContext> Contexts() =>
            new PooledDbContextFactory<SwitchboardDbContext>(
                new DbContextOptionsBuilder<SwitchboardDbContext>().UseSqlite("Data Source=:memory:").Options);
    }
}
