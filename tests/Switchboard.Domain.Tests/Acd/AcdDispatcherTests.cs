using Switchboard.Domain.Acd;
using Switchboard.Testing;

namespace Switchboard.Domain.Tests.Acd;

public sealed class AcdDispatcherTests : IAsyncDisposable
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    // Only guards against a hang if the loop breaks; no assertion depends on elapsed time.
    private readonly CancellationTokenSource _hangGuard = new(TimeSpan.FromMinutes(2));
    private readonly FakeTimeProvider _time = new(AcdHarness.Start);
    private readonly RecordingSinks _sinks = new();
    private readonly AcdDispatcher _dispatcher;
    private readonly Task _running;

    public AcdDispatcherTests()
    {
        _dispatcher = new AcdDispatcher(new AcdCore(new AcdOptions(), new Random(1)), _time, _sinks, _sinks);
        _running = _dispatcher.RunAsync(_hangGuard.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _dispatcher.Complete();
        await _running;
        _hangGuard.Dispose();
    }

    private Task<AcdSnapshot> Snapshot() => _dispatcher.GetSnapshotAsync(_hangGuard.Token);

    private DistributionQueue Queue(params Guid[] agents)
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            Strategy = QueueStrategy.TopDown,
            RingTimeoutSeconds = 20,
            Members = [.. agents.Select((agent, index) => new QueueMember(agent, 1, index))],
        };
        _dispatcher.Post(new QueueConfigured(queue));
        foreach (var agent in agents)
        {
            _dispatcher.Post(new SetAgentReachable(agent, true));
            _dispatcher.Post(new SetAgentStatus(agent, AgentStatus.Ready));
        }

        return queue;
    }

    [Fact]
    public async Task Inputs_posted_from_many_threads_are_decided_one_at_a_time()
    {
        var queue = Queue();
        const int Threads = 8;
        const int CallsEach = 250;
        using var start = new Barrier(Threads);

        // Dedicated threads: they block on the barrier, which would starve a small thread pool.
        var posting = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait(_hangGuard.Token);
            for (var index = 0; index < CallsEach; index++)
                _dispatcher.Post(new CallArrived(Guid.NewGuid(), queue.Id));
        })).ToList();
        posting.ForEach(thread => thread.Start());
        posting.ForEach(thread => thread.Join());
        var snapshot = await Snapshot();

        var waiting = snapshot.Queue(queue.Id)!.WaitingCalls;
        Assert.Equal(Threads * CallsEach, waiting.Count);
        Assert.Equal(Threads * CallsEach, waiting.Select(call => call.CallId).Distinct().Count());
        var positions = _sinks.Events.OfType<CallEnteredQueue>().Select(entered => entered.Position).Order();
        Assert.Equal(Enumerable.Range(1, Threads * CallsEach), positions);
        Assert.False(_sinks.Overlapped);
    }

    [Fact]
    public async Task Ring_timeout_timer_posts_back_and_the_call_goes_to_the_next_agent()
    {
        var queue = Queue(Alice, Bob);
        var call = Guid.NewGuid();
        _dispatcher.Post(new CallArrived(call, queue.Id));
        var offer = (await Snapshot()).Agent(Alice)!.OfferId!.Value;

        _time.Advance(TimeSpan.FromSeconds(20));
        var snapshot = await Snapshot();

        Assert.Equal([Bob], snapshot.WaitingCall(call)!.OfferedTo);
        Assert.Contains(new CancelOffer(offer, call, Alice, OfferCancelReason.NoAnswer), _sinks.Commands);
        var missed = Assert.Single(_sinks.Events.OfType<OfferNotAnswered>());
        Assert.Equal(AcdHarness.Start.AddSeconds(20), missed.At);
    }

    [Fact]
    public async Task Timer_that_fires_after_its_offer_was_answered_changes_nothing()
    {
        var queue = Queue(Alice);
        var call = Guid.NewGuid();
        _dispatcher.Post(new CallArrived(call, queue.Id));
        _dispatcher.Post(new AgentAcceptedOffer((await Snapshot()).Agent(Alice)!.OfferId!.Value));
        await Snapshot();
        var published = _sinks.Events.Count;

        _time.Advance(TimeSpan.FromMinutes(10));
        var snapshot = await Snapshot();

        Assert.Equal(published, _sinks.Events.Count);
        Assert.Equal((AgentActivity.OnCall, call), (snapshot.Agent(Alice)!.Activity, snapshot.Agent(Alice)!.CallId));
    }

    [Fact]
    public async Task Wrap_up_ends_by_timer_and_the_agent_takes_the_next_call()
    {
        var queue = Queue(Alice);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        _dispatcher.Post(new CallArrived(first, queue.Id));
        _dispatcher.Post(new CallArrived(second, queue.Id));
        _dispatcher.Post(new AgentAcceptedOffer((await Snapshot()).Agent(Alice)!.OfferId!.Value));
        _dispatcher.Post(new CallEnded(first));
        Assert.Equal(AgentActivity.WrapUp, (await Snapshot()).Agent(Alice)!.Activity);

        _time.Advance(TimeSpan.FromSeconds(queue.WrapUpSeconds));

        Assert.Equal(second, (await Snapshot()).Agent(Alice)!.CallId);
    }

    [Fact]
    public async Task A_queue_s_counters_follow_each_decision_without_asking_the_dispatcher()
    {
        var queue = Queue(Alice, Bob);
        await Snapshot();
        var counters = _dispatcher.Counters(queue.Id)!;
        Assert.Equal((2, 0, (TimeSpan?)null), (counters.ReadyAgents, counters.WaitingCalls, counters.EstimatedWaitOfNextCall(_time.GetUtcNow())));

        var calls = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        calls.ForEach(call => _dispatcher.Post(new CallArrived(call, queue.Id)));
        _dispatcher.Post(new SetAgentStatus(Bob, AgentStatus.BackSoon));
        await Snapshot();
        _time.Advance(TimeSpan.FromSeconds(4));
        _dispatcher.Post(new AgentAcceptedOffer((await Snapshot()).Agent(Alice)!.OfferId!.Value));
        await Snapshot();

        // Alice answered the first call after 4 s; two wait, so a third joining now waits about 3 × 4 s.
        Assert.Equal((1, 2, (TimeSpan?)TimeSpan.FromSeconds(12)), (counters.ReadyAgents, counters.WaitingCalls, counters.EstimatedWaitOfNextCall(_time.GetUtcNow())));
        Assert.Same(counters, _dispatcher.Counters(queue.Id));

        _dispatcher.Post(new QueueRemoved(queue.Id));
        await Snapshot();
        Assert.Null(_dispatcher.Counters(queue.Id));
    }

    [Fact]
    public async Task Stopped_dispatcher_refuses_inputs_and_queries()
    {
        _dispatcher.Complete();
        await _running;

        Assert.False(_dispatcher.Post(new SetAgentStatus(Alice, AgentStatus.Ready)));
        await Assert.ThrowsAsync<InvalidOperationException>(Snapshot);
    }

    /// <summary>Records what the dispatcher sends, and whether two sends ever overlapped.</summary>
    private sealed class RecordingSinks : IAcdCommandSink, IAcdEventSink
    {
        private readonly Lock _lock = new();
        private readonly List<AcdCommand> _commands = [];
        private readonly List<AcdEvent> _events = [];
        private int _inside;

        public bool Overlapped { get; private set; }

        public List<AcdCommand> Commands
        {
            get
            {
                lock (_lock)
                    return [.. _commands];
            }
        }

        public List<AcdEvent> Events
        {
            get
            {
                lock (_lock)
                    return [.. _events];
            }
        }

        public void Send(AcdCommand command) => Record(() => _commands.Add(command));

        public void Publish(AcdEvent acdEvent) => Record(() => _events.Add(acdEvent));

        private void Record(Action add)
        {
            if (Interlocked.Increment(ref _inside) > 1)
                Overlapped = true;
            // Linger a little so that a second, concurrent caller would be caught inside.
            Thread.SpinWait(20);
            lock (_lock)
                add();
            Interlocked.Decrement(ref _inside);
        }
    }
}
