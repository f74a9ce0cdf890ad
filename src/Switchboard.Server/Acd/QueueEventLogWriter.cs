using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// Appends every ACD event to the queue event log (table <c>queue_events</c>) in the background, in batches. Taking an
/// event never blocks the ACD: should the buffer ever be full, the event is dropped, counted and reported as a
/// warning. At shutdown (after the ACD has stopped) everything already taken is written before the writer ends.
/// </summary>
public sealed partial class QueueEventLogWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<QueueEventLogWriter> logger)
    : BackgroundService, IAcdEventSink
{
    /// <summary>Minutes of a busy switchboard's events, should the database be slow for a while.</summary>
    public const int Capacity = 100_000;

    private const int BatchSize = 500;

    private readonly Channel<Entry> _entries =
        Channel.CreateBounded<Entry>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    // Cancelled only when the host stops waiting for the final writes.
    private readonly CancellationTokenSource _abandon = new();
    private long _dropped;
    private long _droppedReported;

    /// <summary>Events dropped because the buffer was full, since the server started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(AcdEvent acdEvent)
    {
        if (!_entries.Writer.TryWrite(new EventEntry(acdEvent)))
            Interlocked.Increment(ref _dropped);
    }

    /// <summary>Returns once every event taken before this call is stored (or its batch failed and was reported).</summary>
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
    }

    // Reads until the buffer is completed at stop rather than until stoppingToken, so that what was taken is written.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<QueueEventRecord>(BatchSize);
        var flushes = new List<TaskCompletionSource>();
        var reader = _entries.Reader;
        while (await reader.WaitToReadAsync(_abandon.Token).ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && flushes.Count == 0 && reader.TryRead(out var entry))
            {
                if (entry is EventEntry taken)
                    batch.Add(RecordOf(taken.Event));
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

    private async Task WriteAsync(List<QueueEventRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.QueueEvents.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The log is a record of what happened, not part of any decision: losing a batch must not stop the server.
            LogBatchLost(exception, batch.Count);
        }
    }

    private void ReportDrops()
    {
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped == _droppedReported)
            return;

        LogDropped(dropped - _droppedReported, dropped);
        _droppedReported = dropped;
    }

    private static QueueEventRecord RecordOf(AcdEvent acdEvent)
    {
        var message = AcdEventMessage.From(acdEvent);
        return new QueueEventRecord
        {
            At = message.At,
            Kind = message.Type,
            QueueId = message.QueueId,
            CallId = message.CallId,
            AgentId = message.AgentId,
            OfferId = message.OfferId,
            Detail = JsonSerializer.Serialize(message.Detail, AcdEventJson.Options),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue event log was full: {Dropped} events were not recorded ({Total} since start).")]
    private partial void LogDropped(long dropped, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} queue events could not be stored and are lost.")]
    private partial void LogBatchLost(Exception exception, int count);

    private abstract record Entry;

    private sealed record EventEntry(AcdEvent Event) : Entry;

    private sealed record FlushEntry(TaskCompletionSource Flushed) : Entry;
}
