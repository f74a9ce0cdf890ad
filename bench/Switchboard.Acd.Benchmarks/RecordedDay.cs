using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// A busy day at a large contact center, recorded once as the ACD's inputs with their times so that it can be
/// replayed exactly: the core is deterministic for a given seed, so a fresh core fed the same inputs at the same times
/// takes the same decisions (same offer ids), and every answer in the recording finds its offer.
/// </summary>
/// <remarks>
/// 100 queues of mixed strategies and priorities; 2,000 agents, each a member of 3 to 5 queues at random levels.
/// Calls arrive at random queues (some with a higher priority), agents accept most offers, refuse or miss some,
/// talk and hang up, callers hang up while waiting, agents change status and drop off, and time passes so that ring
/// timeouts, wrap-ups, pauses and maximum waits fire when due, as the dispatcher's timers would.
/// </remarks>
internal sealed class RecordedDay
{
    public const int Seed = 11;
    public const int QueueCount = 100;
    public const int AgentCount = 2_000;

    private static readonly QueueStrategy[] Strategies =
    [
        QueueStrategy.LongestIdle, QueueStrategy.LongestIdle, QueueStrategy.LongestIdle, QueueStrategy.RoundRobin,
        QueueStrategy.FewestCalls, QueueStrategy.LeastTalkTime, QueueStrategy.TopDown, QueueStrategy.Random,
    ];

    private RecordedDay(AcdInput[] inputs, DateTimeOffset[] times, int measuredFrom, long outputs)
    {
        Inputs = inputs;
        Times = times;
        MeasuredFrom = measuredFrom;
        Outputs = outputs;
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

    public AcdInput[] Inputs { get; }

    public DateTimeOffset[] Times { get; }

    /// <summary>Inputs before this configure the queues, bring agents in and fill the day (the warm-up, not measured).</summary>
    public int MeasuredFrom { get; }

    /// <summary>How many outputs the measured inputs produced when recorded: a replay must produce as many.</summary>
    public long Outputs { get; }

    public int MeasuredCount => Inputs.Length - MeasuredFrom;

    public static AcdCore NewCore() => new(new AcdOptions(), new Random(Seed));

    /// <summary>Records a day of <paramref name="warmUp"/> inputs followed by <paramref name="measured"/> more.</summary>
    public static RecordedDay Record(int warmUp, int measured)
    {
        var driver = new Driver();
        driver.Open();
        while (driver.Count < warmUp)
            driver.Step();
        var measuredFrom = driver.Count;
        var outputsBefore = driver.OutputCount;
        while (driver.Count < measuredFrom + measured)
            driver.Step();
        return new RecordedDay([.. driver.Inputs], [.. driver.Times], measuredFrom, driver.OutputCount - outputsBefore);
    }

    /// <summary>A fresh core that has taken the inputs before the measured ones.</summary>
    public AcdCore WarmCore()
    {
        var core = NewCore();
        for (var index = 0; index < MeasuredFrom; index++)
            core.Handle(Inputs[index], Times[index]);
        return core;
    }

    /// <summary>Plays the day against the ACD, reacting to its decisions as telephony and agents would.</summary>
    private sealed class Driver
    {
        private readonly Random _random = new(Seed);
        private readonly AcdCore _core = NewCore();
        private readonly Guid[] _queues = [.. Enumerable.Range(0, QueueCount).Select(_ => Guid.NewGuid())];
        private readonly Guid[] _agents = [.. Enumerable.Range(0, AgentCount).Select(_ => Guid.NewGuid())];
        private readonly PriorityQueue<AcdTimerInput, (DateTimeOffset DueAt, long Sequence)> _timers = new();
        private readonly PickList<OfferId> _offers = new();
        private readonly PickList<Guid> _waiting = new();
        private readonly PickList<Guid> _talking = new();
        private long _timerSequence;
        private DateTimeOffset _now = Start;

        public List<AcdInput> Inputs { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        public int Count => Inputs.Count;

        public long OutputCount { get; private set; }

        public void Open()
        {
            var members = _queues.ToDictionary(queue => queue, _ => new List<QueueMember>());
            foreach (var agent in _agents)
            {
                foreach (var queue in _queues.OrderBy(_ => _random.Next()).Take(_random.Next(3, 6)))
                    members[queue].Add(new QueueMember(agent, _random.Next(1, 3), members[queue].Count));
            }

            for (var index = 0; index < _queues.Length; index++)
            {
                Post(new QueueConfigured(new DistributionQueue
                {
                    Id = _queues[index],
                    Name = $"Queue {index}",
                    Strategy = Strategies[index % Strategies.Length],
                    Priority = index % 10 == 0 ? 1 : 0,
                    RingTimeoutSeconds = 15,
                    MaxWaitSeconds = 180,
                    MaxWaitingCalls = 40,
                    WrapUpSeconds = 5,
                    MaxNoAnswer = 3,
                    Members = members[_queues[index]],
                }));
            }

            foreach (var agent in _agents)
            {
                Post(new SetAgentReachable(agent, true));
                Post(new SetAgentStatus(agent, AgentStatus.Ready));
            }
        }

        public void Step()
        {
            var roll = _random.Next(100);
            switch (roll)
            {
                case < 30:
                    Post(new CallArrived(Guid.NewGuid(), _queues[_random.Next(_queues.Length)], _random.Next(10) == 0 ? 1 : 0));
                    break;
                case < 55 when _offers.Count > 0:
                    var offer = _offers.Pick(_random);
                    Post(_random.Next(20) switch
                    {
                        < 17 => new AgentAcceptedOffer(offer),
                        < 19 => new AgentRefusedOffer(offer),
                        _ => new OfferFailed(offer),
                    });
                    break;
                case < 80 when _talking.Count > 0:
                    var call = _talking.Pick(_random);
                    _talking.Remove(call);
                    Post(new CallEnded(call));
                    break;
                case < 84 when _waiting.Count > 0:
                    Post(new CallEnded(_waiting.Pick(_random)));
                    break;
                case < 88:
                    var agent = _agents[_random.Next(_agents.Length)];
                    Post(_random.Next(10) switch
                    {
                        < 6 => new SetAgentStatus(agent, AgentStatus.Ready),
                        < 8 => new SetAgentStatus(agent, AgentStatus.BackSoon),
                        < 9 => new SetAgentBusyElsewhere(agent, _random.Next(2) == 0),
                        _ => new SetAgentReachable(agent, _random.Next(4) > 0),
                    });
                    break;
                default:
                    Advance(TimeSpan.FromMilliseconds(_random.Next(0, 400)));
                    break;
            }
        }

        private void Advance(TimeSpan by)
        {
            var until = _now + by;
            while (_timers.TryPeek(out var input, out var due) && due.DueAt <= until)
            {
                _timers.Dequeue();
                _now = due.DueAt > _now ? due.DueAt : _now;
                Post(input);
            }

            _now = until;
        }

        private void Post(AcdInput input)
        {
            Inputs.Add(input);
            Times.Add(_now);
            var outputs = _core.Handle(input, _now);
            OutputCount += outputs.Count;
            foreach (var output in outputs)
            {
                switch (output)
                {
                    case ScheduleTimer schedule:
                        _timers.Enqueue(schedule.Input, (schedule.DueAt, ++_timerSequence));
                        break;
                    case OfferCall command:
                        _offers.Add(command.OfferId);
                        break;
                    case CancelOffer command:
                        _offers.Remove(command.OfferId);
                        break;
                    case CallEnteredQueue entered:
                        _waiting.Add(entered.CallId);
                        break;
                    case OfferAnswered answered:
                        _offers.Remove(answered.OfferId);
                        _waiting.Remove(answered.CallId);
                        _talking.Add(answered.CallId);
                        break;
                    case OfferRefused refused:
                        _offers.Remove(refused.OfferId);
                        break;
                    case OfferNotAnswered missed:
                        _offers.Remove(missed.OfferId);
                        break;
                    case CallLeftQueue left:
                        _waiting.Remove(left.CallId);
                        break;
                }
            }
        }
    }
}
