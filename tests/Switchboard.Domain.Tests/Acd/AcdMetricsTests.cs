using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switchboard.Domain.Acd;
using Switchboard.Testing;

namespace Switchboard.Domain.Tests.Acd;

/// <summary>The ACD's instruments as the dispatcher feeds them, read with a listener on this dispatcher's meter only.</summary>
public sealed class AcdMetricsTests : IAsyncDisposable
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private readonly CancellationTokenSource _hangGuard = new(TimeSpan.FromMinutes(2));
    private readonly FakeTimeProvider _time = new(AcdHarness.Start);
    private readonly Meters _meters = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Tag), long> _counted = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Tag), long> _observed = new();
    private readonly AcdDispatcher _dispatcher;
    private readonly Task _running;

    public AcdMetricsTests()
    {
        var metrics = new AcdMetrics(_meters);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == metrics.Meter)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _counted.AddOrUpdate((instrument.Name, TagOf(tags)), value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _observed[(instrument.Name, TagOf(tags))] = value);
        _listener.Start();
        _dispatcher = new AcdDispatcher(new AcdCore(new AcdOptions(), new Random(1)), _time, new NoSinks(), new NoSinks(), metrics);
        _running = _dispatcher.RunAsync(_hangGuard.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _dispatcher.Complete();
        await _running;
        _listener.Dispose();
        _meters.Dispose();
        _hangGuard.Dispose();
    }

    [Fact]
    public async Task Offers_are_counted_by_outcome_and_one_that_could_not_ring_counts_as_failed_not_as_unanswered()
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            Strategy = QueueStrategy.TopDown,
            RingTimeoutSeconds = 20,
            Members = [new QueueMember(Alice, 1, 0), new QueueMember(Bob, 1, 1)],
        };
        _dispatcher.Post(new QueueConfigured(queue));
        foreach (var agent in new[] { Alice, Bob })
        {
            _dispatcher.Post(new SetAgentReachable(agent, true));
            _dispatcher.Post(new SetAgentStatus(agent, AgentStatus.Ready));
        }

        var call = Guid.NewGuid();
        _dispatcher.Post(new CallArrived(call, queue.Id));
        _dispatcher.Post(new OfferFailed((await Snapshot()).Agent(Alice)!.OfferId!.Value));
        Assert.Equal(AgentActivity.Offered, (await Snapshot()).Agent(Bob)!.Activity);
        Assert.Equal((1, 1, 1), (Observed("switchboard.acd.calls.waiting", queue.Id.ToString()), Observed("switchboard.acd.agents", "ringing"), Observed("switchboard.acd.agents", "ready")));

        _time.Advance(TimeSpan.FromSeconds(20));
        await Snapshot();
        _dispatcher.Post(new CallEnded(call));
        await Snapshot();

        Assert.Equal(
            (1, 1, 0, 1),
            (Counted("switchboard.acd.offers", "failed"), Counted("switchboard.acd.offers", "notAnswered"), Counted("switchboard.acd.offers", "refused"),
                Counted("switchboard.acd.calls.left", "abandoned")));
        Assert.Equal(0, Observed("switchboard.acd.calls.waiting", queue.Id.ToString()));
    }

    private Task<AcdSnapshot> Snapshot() => _dispatcher.GetSnapshotAsync(_hangGuard.Token);

    private long Counted(string instrument, string tag) => _counted.GetValueOrDefault((instrument, tag));

    private long Observed(string instrument, string tag)
    {
        _listener.RecordObservableInstruments();
        return _observed.GetValueOrDefault((instrument, tag));
    }

    private static string? TagOf(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length > 0 ? tags[0].Value?.ToString() : null;

    private sealed class Meters : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _created.Add(meter);
            return meter;
        }

        public void Dispose() => _created.ForEach(meter => meter.Dispose());
    }

    private sealed class NoSinks : IAcdCommandSink, IAcdEventSink
    {
        public void Send(AcdCommand command)
        {
        }

        public void Publish(AcdEvent acdEvent)
        {
        }
    }
}
