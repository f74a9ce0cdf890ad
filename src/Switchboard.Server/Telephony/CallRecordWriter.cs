using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Stores a call record for every ended call (table <c>call_records</c>) in the background, in batches. Taking a
/// record never blocks a call: should the buffer be full, the record is dropped and counted. At shutdown, after
/// telephony has hung up its calls, everything taken is written before the writer ends.
/// </summary>
public sealed partial class CallRecordWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<CallRecordWriter> logger)
    : BackgroundService, ICallObserver
{
    public const int Capacity = 50_000;

    private const int BatchSize = 200;

    private readonly Channel<Entry> _entries =
        Channel.CreateBounded<Entry>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    // Cancelled only when the host stops waiting for the final writes.
    private readonly CancellationTokenSource _abandon = new();
    private long _dropped;

    /// <summary>Records dropped because the buffer was full, since the server started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is CallEnded ended && !_entries.Writer.TryWrite(new RecordEntry(RecordOf(ended.Summary))))
            Interlocked.Increment(ref _dropped);
    }

    /// <summary>Returns once every record taken before this call is stored (or its batch failed and was reported).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _entries.Writer.WriteAsync(new FlushEntry(flushed), cancellationToken);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        await using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    // Reads until the buffer is completed at stop rather than until stoppingToken, so that what was taken is written.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CallRecord>(BatchSize);
        var flushes = new List<TaskCompletionSource>();
        var reader = _entries.Reader;
        while (await reader.WaitToReadAsync(_abandon.Token))
        {
            while (batch.Count < BatchSize && flushes.Count == 0 && reader.TryRead(out var entry))
            {
                if (entry is RecordEntry record)
                    batch.Add(record.Record);
                else if (entry is FlushEntry flush)
                    flushes.Add(flush.Flushed);
            }

            await WriteAsync(batch, _abandon.Token);
            batch.Clear();
            foreach (var flushed in flushes)
                flushed.TrySetResult();
            flushes.Clear();
        }
    }

    private async Task WriteAsync(List<CallRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.CallRecords.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // History must not stop the switchboard: the batch is reported and the next one tried.
            LogBatchLost(exception, batch.Count);
        }
    }

    private static CallRecord RecordOf(CallSummary summary) => new()
    {
        Id = summary.CallId,
        SipCallId = summary.SipCallId,
        CallerNumber = summary.CallerNumber,
        DialledNumber = summary.DialledNumber,
        StartedAt = summary.StartedAt,
        AnsweredAt = summary.AnsweredAt,
        EndedAt = summary.EndedAt,
        Result = JsonNamingPolicy.CamelCase.ConvertName(summary.Result.ToString()),
        QueueId = summary.QueueId,
        AgentUserId = summary.AgentUserId,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} call records could not be stored and are lost.")]
    private partial void LogBatchLost(Exception exception, int count);

    private abstract record Entry;

    private sealed record RecordEntry(CallRecord Record) : Entry;

    private sealed record FlushEntry(TaskCompletionSource Flushed) : Entry;
}
