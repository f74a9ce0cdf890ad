using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Switchboard.Domain.Acd;

/// <summary>
/// The ACD at run time: the one owner of an <see cref="AcdCore"/>. Anyone posts inputs from any thread into its
/// mailbox; <see cref="RunAsync"/> takes them one at a time, lets the core decide, sends the commands and events
/// to the sinks (which must not block) and arms the timers the core asked for. A timer only posts its input back
/// into the mailbox, so it is decided in turn like any other; one that fires after its offer, wait or pause has
/// ended carries an id or generation the core no longer knows and is ignored.
/// </summary>
public sealed class AcdDispatcher
{
    private readonly AcdCore _core;
    private readonly TimeProvider _timeProvider;
    private readonly IAcdCommandSink _commands;
    private readonly IAcdEventSink _events;
    private readonly AcdMetrics? _metrics;
    private readonly Channel<Envelope> _mailbox =
        Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });

    // Touched by the loop only; a fired timer is disposed when its input is taken from the mailbox.
    private readonly Dictionary<long, ITimer> _timers = [];
    private long _lastTimerId;

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
        PublishCounters();
        metrics?.ObserveWaitingCalls(WaitingCallsByQueue);
    }

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
        return _mailbox.Writer.TryWrite(new InputEnvelope(input));
    }

    /// <summary>The live state after every input posted before this call has been decided.</summary>
    public async Task<AcdSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<AcdSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(new SnapshotEnvelope(reply)))
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
            await foreach (var envelope in _mailbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                Process(envelope);
        }
        finally
        {
            _mailbox.Writer.TryComplete();
            while (_mailbox.Reader.TryRead(out var left))
            {
                if (left is SnapshotEnvelope snapshot)
                    snapshot.Reply.TrySetCanceled(CancellationToken.None);
            }

            foreach (var timer in _timers.Values)
                timer.Dispose();
            _timers.Clear();
        }
    }

    private void Process(Envelope envelope)
    {
        switch (envelope)
        {
            case InputEnvelope input:
                Decide(input.Input);
                break;
            case TimerEnvelope fired:
                if (_timers.Remove(fired.TimerId, out var timer))
                    timer.Dispose();
                Decide(fired.Input);
                break;
            case SnapshotEnvelope snapshot:
                snapshot.Reply.TrySetResult(_core.Snapshot(_timeProvider.GetUtcNow()));
                break;
        }
    }

    private void Decide(AcdInput input)
    {
        var now = _timeProvider.GetUtcNow();
        var outputs = _core.Handle(input, now);
        for (var index = 0; index < outputs.Count; index++)
        {
            switch (outputs[index])
            {
                case AcdCommand command:
                    _commands.Send(command);
                    break;
                case AcdEvent acdEvent:
                    _events.Publish(acdEvent);
                    _metrics?.Record(acdEvent, offerFailed: input is OfferFailed);
                    break;
                case ScheduleTimer schedule:
                    Arm(schedule, now);
                    break;
            }
        }

        if (input is QueueConfigured or QueueRemoved)
            PublishCounters();
    }

    private IEnumerable<Measurement<int>> WaitingCallsByQueue()
    {
        foreach (var counters in Volatile.Read(ref _counters).Values)
            yield return new Measurement<int>(counters.WaitingCalls, new KeyValuePair<string, object?>("queue.id", counters.QueueId.ToString()));
    }

    private void PublishCounters() =>
        Volatile.Write(ref _counters, _core.Counters().ToFrozenDictionary(counters => counters.QueueId));

    private void Arm(ScheduleTimer schedule, DateTimeOffset now)
    {
        var timerId = ++_lastTimerId;
        var envelope = new TimerEnvelope(timerId, schedule.Input);
        var dueIn = schedule.DueAt > now ? schedule.DueAt - now : TimeSpan.Zero;
        _timers.Add(timerId, _timeProvider.CreateTimer(
            state => _mailbox.Writer.TryWrite((TimerEnvelope)state!), envelope, dueIn, Timeout.InfiniteTimeSpan));
    }

    private abstract record Envelope;

    private sealed record InputEnvelope(AcdInput Input) : Envelope;

    private sealed record TimerEnvelope(long TimerId, AcdTimerInput Input) : Envelope;

    private sealed record SnapshotEnvelope(TaskCompletionSource<AcdSnapshot> Reply) : Envelope;
}
