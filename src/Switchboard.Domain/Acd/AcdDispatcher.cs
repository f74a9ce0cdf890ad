using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Switchboard.Domain.Acd;

/// <summary>
/// The ACD at run time: the one owner of an <see cref="AcdCore"/>. Anyone posts inputs from any thread into its
/// mailbox; <see cref="RunAsync"/> takes them one at a time, lets the core decide, hands the commands and events to
/// the sinks (which must not block) and keeps the timers the core asked for. The timers wait in one due-time queue
/// under a single <see cref="ITimer"/> set to the earliest; when it fires it only posts a tick into the mailbox, so
/// the timers that fell due are decided in turn like any other input. One that falls due after its offer, wait or
/// pause has ended carries an id or generation the core no longer knows and is ignored.
/// </summary>
/// <remarks>
/// A decision allocates nothing: envelopes and timers are values, the core writes its decisions into a buffer it
/// reuses, and sinks read them in place (<see cref="IAcdCommandSink.Send(in AcdDecision)"/>); a sink that keeps one
/// makes its record.
/// </remarks>
public sealed class AcdDispatcher
{
    private readonly AcdCore _core;
    private readonly TimeProvider _timeProvider;
    private readonly IAcdCommandSink _commands;
    private readonly IAcdEventSink _events;
    private readonly AcdMetrics? _metrics;
    private readonly Channel<Envelope> _mailbox =
        Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });

    // Touched by the loop only: the timers the core asked for, earliest first (ties in the order asked), and the time
    // the one ITimer is set to (null while it is not set).
    private readonly PriorityQueue<AcdTimer, (DateTimeOffset DueAt, long Sequence)> _due = new();
    private readonly ITimer _timer;
    private long _lastTimer;
    private DateTimeOffset? _armedFor;
    private long _decisionCount;

    // Replaced only when a queue is configured or removed; the counters inside are kept live by the core.
    private FrozenDictionary<Guid, QueueCounters> _counters = FrozenDictionary<Guid, QueueCounters>.Empty;

    /// <param name="metrics">Counts the events as they are published, when given.</param>
    public AcdDispatcher(AcdCore core, TimeProvider timeProvider, IAcdCommandSink commands, IAcdEventSink events, AcdMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(events);
        _core = core;
        _timeProvider = timeProvider;
        _commands = commands;
        _events = events;
        _metrics = metrics;
        _timer = timeProvider.CreateTimer(
            static state => ((AcdDispatcher)state!)._mailbox.Writer.TryWrite(Envelope.Tick), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        PublishCounters();
        metrics?.ObserveWaitingCalls(WaitingCallsByQueue);
    }

    /// <summary>How many inputs the ACD has decided: those posted and its own timers that fell due.</summary>
    public long Decisions => Volatile.Read(ref _decisionCount);

    /// <summary>
    /// The queue's live counters, readable from any thread without waiting: for answers that must be synchronous (a
    /// routing condition asking how many agents are Ready). Null for a queue the ACD does not know. The full state,
    /// exact after every input posted before, is <see cref="GetSnapshotAsync"/>.
    /// </summary>
    public QueueCounters? Counters(Guid queueId) => Volatile.Read(ref _counters).GetValueOrDefault(queueId);

    /// <summary>Queues an input for the dispatcher. Never blocks; false once the dispatcher has stopped.</summary>
    public bool Post(AcdInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _mailbox.Writer.TryWrite(new Envelope(input, null));
    }

    /// <summary>The live state after every input posted before this call has been decided.</summary>
    public async Task<AcdSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<AcdSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(new Envelope(null, reply)))
            throw new InvalidOperationException("The ACD dispatcher has stopped.");
        using var registration = cancellationToken.Register(() => reply.TrySetCanceled(cancellationToken));
        return await reply.Task.ConfigureAwait(false);
    }

    /// <summary>Stops taking inputs; <see cref="RunAsync"/> finishes once those already posted are decided.</summary>
    public void Complete() => _mailbox.Writer.TryComplete();

    /// <summary>
    /// Decides posted inputs one at a time until <see cref="Complete"/> or cancellation. A sink that throws ends
    /// the run with its exception: the outside world would no longer match the decisions, so the host must know.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _mailbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                DecidePosted();
        }
        finally
        {
            _mailbox.Writer.TryComplete();
            while (_mailbox.Reader.TryRead(out var left))
                left.Reply?.TrySetCanceled(CancellationToken.None);
            _timer.Dispose();
        }
    }

    /// <summary>Takes everything posted so far, in order, on the calling thread: the loop's step (and a benchmark's).</summary>
    internal void DecidePosted()
    {
        while (_mailbox.Reader.TryRead(out var envelope))
        {
            if (envelope.Input is { } input)
                Decide(input);
            else if (envelope.Reply is { } reply)
                reply.TrySetResult(_core.Snapshot(_timeProvider.GetUtcNow()));
            else
                DecideDueTimers();
        }
    }

    private void Decide(AcdInput input)
    {
        var now = _timeProvider.GetUtcNow();
        Carry(_core.Handle(input, now), now, offerFailed: input is OfferFailed);
        if (input is QueueConfigured or QueueRemoved)
            PublishCounters();
    }

    /// <summary>Decides every timer due by now, in due order; then sets the ITimer to the next one.</summary>
    private void DecideDueTimers()
    {
        _armedFor = null;
        while (true)
        {
            var now = _timeProvider.GetUtcNow();
            while (_due.TryPeek(out var timer, out var due) && due.DueAt <= now)
            {
                _due.Dequeue();
                Carry(_core.Handle(timer, now), now, offerFailed: false);
            }

            if (!_due.TryPeek(out _, out var next))
                return;
            // Set from the clock as it reads now; should time have moved past the next timer meanwhile (a test's clock
            // moved by another thread), it is decided here rather than left to a timer set in the past.
            now = _timeProvider.GetUtcNow();
            Arm(next.DueAt, now);
            if (next.DueAt > now)
                return;
        }
    }

    private void Carry(ReadOnlySpan<AcdDecision> decisions, DateTimeOffset now, bool offerFailed)
    {
        Volatile.Write(ref _decisionCount, _decisionCount + 1);
        foreach (ref readonly var decision in decisions)
        {
            if (decision.IsCommand)
            {
                _commands.Send(in decision);
            }
            else if (decision.IsEvent)
            {
                _events.Publish(in decision);
                _metrics?.Record(in decision, offerFailed);
            }
            else
            {
                _due.Enqueue(decision.Timer, (decision.At, ++_lastTimer));
                if (_armedFor is not { } armed || decision.At < armed)
                    Arm(decision.At, now);
            }
        }
    }

    private void Arm(DateTimeOffset dueAt, DateTimeOffset now)
    {
        _armedFor = dueAt;
        _timer.Change(dueAt > now ? dueAt - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private IEnumerable<Measurement<int>> WaitingCallsByQueue()
    {
        foreach (var counters in Volatile.Read(ref _counters).Values)
            yield return new Measurement<int>(counters.WaitingCalls, new KeyValuePair<string, object?>("queue.id", counters.QueueId.ToString()));
    }

    private void PublishCounters() =>
        Volatile.Write(ref _counters, _core.Counters().ToFrozenDictionary(counters => counters.QueueId));

    /// <summary>An input to decide, a snapshot to take, or (neither) the timer's tick.</summary>
    private readonly record struct Envelope(AcdInput? Input, TaskCompletionSource<AcdSnapshot>? Reply)
    {
        public static Envelope Tick => default;
    }
}
