using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Appends facts worth keeping (queue events, call records) to the database in the background, in batches, so that
/// whoever reports them — the ACD, a call — never waits on storage. Taking an item never blocks: should the buffer
/// ever be full, the item is dropped, counted and reported as a warning. At shutdown everything already taken is
/// written before the writer ends. Items are turned into rows on the writer's own task, off the reporter's path.
/// </summary>
public abstract partial class BackgroundRecordWriter<TItem> : BackgroundService
{
    private readonly IDbContextFactory<SwitchboardDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly int _batchSize;
    private readonly Channel<Entry> _entries;

    // Cancelled only when the host stops waiting for the final writes.
    private readonly CancellationTokenSource _abandon = new();
    private long _dropped;
    private long _droppedReported;

    /// <param name="what">What is stored, plural, for the log: "queue events".</param>
    protected BackgroundRecordWriter(
        IDbContextFactory<SwitchboardDbContext> contexts, ILogger logger, string what, int capacity, int batchSize)
    {
        _contexts = contexts;
        _logger = logger;
        _what = what;
        _batchSize = batchSize;
        _entries = Channel.CreateBounded<Entry>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>Items dropped because the buffer was full, since the server started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Returns once every item taken before this call is stored (or its batch failed and was reported).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _entries.Writer.WriteAsync(new FlushEntry(flushed), cancellationToken).ConfigureAwait(false);
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        await using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Takes <paramref name="item"/> for storing; never blocks.</summary>
    protected void Append(TItem item)
    {
        if (!_entries.Writer.TryWrite(new ItemEntry(item)))
            Interlocked.Increment(ref _dropped);
    }

    /// <summary>Adds the rows for <paramref name="items"/> to <paramref name="db"/>; the writer saves them.</summary>
    protected abstract void AddRows(SwitchboardDbContext db, IReadOnlyList<TItem> items);

    /// <summary>Loads into <paramref name="db"/> the stored rows that <see cref="AddRows"/> changes rather than adds; none by default.</summary>
    protected virtual Task LoadRowsAsync(SwitchboardDbContext db, IReadOnlyList<TItem> items, CancellationToken cancellationToken) => Task.CompletedTask;

    // Reads until the buffer is completed at stop rather than until stoppingToken, so that what was taken is written.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TItem>(_batchSize);
        var flushes = new List<TaskCompletionSource>();
        var reader = _entries.Reader;
        while (await reader.WaitToReadAsync(_abandon.Token).ConfigureAwait(false))
        {
            while (batch.Count < _batchSize && flushes.Count == 0 && reader.TryRead(out var entry))
            {
                if (entry is ItemEntry taken)
                    batch.Add(taken.Item);
                else if (entry is FlushEntry flush)
                    flushes.Add(flush.Flushed);
            }

            await WriteAsync(batch, _abandon.Token).ConfigureAwait(false);
            batch.Clear();
            foreach (var flushed in flushes)
                flushed.TrySetResult();
            flushes.Clear();
            ReportDrops();
        }
    }

    private async Task WriteAsync(List<TItem> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;

        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await LoadRowsAsync(db, batch, cancellationToken).ConfigureAwait(false);
            AddRows(db, batch);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} {What} could not be stored and are lost.")]
    private static partial void LogBatchLost(ILogger logger, Exception exception, int count, string what);

    private abstract record Entry;

    private sealed record ItemEntry(TItem Item) : Entry;

    private sealed record FlushEntry(TaskCompletionSource Flushed) : Entry;
}
