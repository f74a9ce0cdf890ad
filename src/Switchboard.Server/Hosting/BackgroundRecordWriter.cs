using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Appends facts worth keeping (queue events, call records) to the database in the background, in batches, so that
/// whoever reports them — the ACD, a call — never waits on storage. Taking an item never blocks: should the buffer
/// ever be full, the item is dropped, counted and reported as a warning. The writer runs on a thread of its own and
/// stores synchronously there (SQLite's "async" calls block anyway): a slow disk or a busy database never holds a
/// thread-pool thread that SIP, media or the web need. Items are turned into rows on that thread, off the reporter's
/// path. At shutdown everything already taken is written before the writer ends.
/// </summary>
public abstract partial class BackgroundRecordWriter<TItem> : IHostedService, IDisposable
{
    private static readonly TimeSpan StartRetry = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<SwitchboardDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly int _batchSize;
    private readonly BlockingCollection<Entry> _entries;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Cancelled only when the host stops waiting for the final writes.
    private readonly CancellationTokenSource _abandon = new();
    private long _dropped;
    private long _droppedReported;
    private bool _started;
    private int _completed;
    private int _disposed;

    /// <param name="what">What is stored, plural, for the log and the thread's name: "queue events".</param>
    protected BackgroundRecordWriter(
        IDbContextFactory<SwitchboardDbContext> contexts, ILogger logger, string what, int capacity, int batchSize)
    {
        _contexts = contexts;
        _logger = logger;
        _what = what;
        _batchSize = batchSize;
        _entries = new BlockingCollection<Entry>(new ConcurrentQueue<Entry>(), capacity);
    }

    /// <summary>Items dropped because the buffer was full, since the server started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Returns once every item taken before this call is stored (or its batch failed and was reported).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A flush waits for room rather than being dropped; only tests and shutdown flush.
        while (!_entries.TryAdd(new FlushEntry(flushed)))
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the writer's thread; it is running when this returns, so a stop however soon still writes.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        new Thread(Run) { IsBackground = true, Name = $"Writer of {_what}" }.Start();
        return Task.CompletedTask;
    }

    /// <summary>Takes nothing more, and returns once everything taken is stored, or when the host stops waiting.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
            return;
        CompleteAdding();
        if (!_started)
            return;
        await using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await _stopped.Task.ConfigureAwait(false);
    }

    /// <summary>Stops the writer if it was not stopped (what is still buffered is given up), then lets go of the buffer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        CompleteAdding();
        _abandon.Cancel();
        if (_started)
            Task.WaitAny([_stopped.Task], TimeSpan.FromSeconds(5));
        _abandon.Dispose();
        _entries.Dispose();
        GC.SuppressFinalize(this);
    }

    // A host may stop a service twice (a test stops, then disposes the host): the buffer is completed once.
    private void CompleteAdding()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
            _entries.CompleteAdding();
    }

    /// <summary>Takes <paramref name="item"/> for storing; never blocks.</summary>
    protected void Append(TItem item)
    {
        try
        {
            if (_entries.TryAdd(new ItemEntry(item)))
                return;
        }
        catch (InvalidOperationException)
        {
            // Taken after shutdown began: telephony and the ACD have stopped by then, so nothing real is lost.
        }

        Interlocked.Increment(ref _dropped);
    }

    /// <summary>Adds the rows for <paramref name="items"/> to <paramref name="db"/>; the writer saves them.</summary>
    protected abstract void AddRows(SwitchboardDbContext db, IReadOnlyList<TItem> items);

    /// <summary>Loads into <paramref name="db"/> the stored rows that <see cref="AddRows"/> changes rather than adds; none by default.</summary>
    protected virtual void LoadRows(SwitchboardDbContext db, IReadOnlyList<TItem> items)
    {
    }

    /// <summary>Runs on the writer's thread before its first batch, with a context of its own.</summary>
    protected virtual void Starting(SwitchboardDbContext db)
    {
    }

    // Reads until the buffer is completed at stop, so that what was taken is written.
    private void Run()
    {
        try
        {
            while (!TryStart())
            {
                // The database is not there yet: what is taken meanwhile waits in the buffer.
                if (_abandon.Token.WaitHandle.WaitOne(StartRetry))
                    throw new OperationCanceledException(_abandon.Token);
            }

            WriteUntilCompleted();
            _stopped.TrySetResult();
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // The host stopped waiting for the final writes.
            _stopped.TrySetResult();
        }
        catch (Exception exception)
        {
            _stopped.TrySetException(exception);
        }
    }

    private bool TryStart()
    {
        try
        {
            using var db = _contexts.CreateDbContext();
            Starting(db);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            LogStartFailed(_logger, exception, _what, StartRetry.TotalSeconds);
            return false;
        }
    }

    private void WriteUntilCompleted()
    {
        var batch = new List<TItem>(_batchSize);
        var flushes = new List<TaskCompletionSource>();
        while (_entries.TryTake(out var entry, Timeout.Infinite, _abandon.Token))
        {
            do
            {
                if (entry is ItemEntry taken)
                    batch.Add(taken.Item);
                else if (entry is FlushEntry flush)
                    flushes.Add(flush.Flushed);
            }
            while (batch.Count < _batchSize && flushes.Count == 0 && _entries.TryTake(out entry));

            Write(batch);
            batch.Clear();
            foreach (var flushed in flushes)
                flushed.TrySetResult();
            flushes.Clear();
            ReportDrops();
        }
    }

    private void Write(List<TItem> batch)
    {
        if (batch.Count == 0)
            return;

        try
        {
            using var db = _contexts.CreateDbContext();
            LoadRows(db, batch);
            AddRows(db, batch);
            db.SaveChanges();
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // History is a record of what happened, not part of any decision: losing a batch must not stop the server.
            LogBatchLost(_logger, exception, batch.Count, _what);
        }
    }

    private void ReportDrops()
    {
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped == _droppedReported)
            return;

        LogDropped(_logger, dropped - _droppedReported, _what, dropped);
        _droppedReported = dropped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The buffer was full: {Dropped} {What} were not recorded ({Total} since start).")]
    private static partial void LogDropped(ILogger logger, long dropped, string what, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "The writer of {What} could not read what it starts from; it tries again in {Seconds} s.")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string what, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} {What} could not be stored and are lost.")]
    private static partial void LogBatchLost(ILogger logger, Exception exception, int count, string what);

    private abstract record Entry;

    private sealed record ItemEntry(TItem Item) : Entry;

    private sealed record FlushEntry(TaskCompletionSource Flushed) : Entry;
}
